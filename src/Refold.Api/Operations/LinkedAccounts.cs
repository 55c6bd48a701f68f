using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Linked Accounts: create, find, update and delete linked accounts (your customers) and disconnect apps from them.</summary>
public static class LinkedAccounts
{
    public static OperationGroup Group { get; } = new("linked_accounts", "Linked Accounts", "Create, find, update and delete linked accounts (your customers) and disconnect apps from them.");

    public static Operation ListLinkedAccounts { get; } = new()
    {
        Name = "list_linked_accounts",
        Group = Group,
        Title = "List linked accounts",
        Description = "Pages through the linked accounts, optionally by an account variable, to find an account_id.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/linked-account",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Page,
            Param.Limit,
            Param.Query("env_variable_name", ""),
            Param.Query("env_variable_value", ""),
        ],
    };

    public static Operation CreateLinkedAccount { get; } = new()
    {
        Name = "create_linked_account",
        Group = Group,
        Title = "Create a linked account",
        Description = "Registers a new linked account (your id, optional udf and default-app credentials); upsert_linked_account if it may exist.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/linked-account",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "get_linked_account", LookFor = "the account (it exists only if the create took effect)", Arguments = [("linked_account_id", "account_id"), ("linked_account_id", "linked_account_id")] },
        Parameters =
        [
            Param.Body("account_id", "Your id for it."),
            Param.Body("linked_account_id", "Alternative name of account_id.") with { Unlisted = true },
            Param.Body("name", ""),
            Param.Body("your_app", "{auth_credentials: {...}}.", ParameterType.Object),
            Param.Body("udf", "", ParameterType.Object),
        ],
    };

    public static Operation UpsertLinkedAccount { get; } = new()
    {
        Name = "upsert_linked_account",
        Group = Group,
        Title = "Upsert a linked account",
        Description = "Creates the linked account if missing, else updates its name, udf or default-app credentials; new_account says which.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/linked-account",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Body("account_id", "Needed with an org key."),
            Param.Body("linked_account_id", "Alternative name of account_id.") with { Unlisted = true },
            Param.Body("name", ""),
            Param.Body("your_app", "{auth_credentials: {...}}.", ParameterType.Object),
            Param.Body("udf", "", ParameterType.Object),
            Param.Body("payload", "{name, your_app, udf}; wins over the flat fields.", ParameterType.Object),
        ],
    };

    public static Operation GetLinkedAccount { get; } = new()
    {
        Name = "get_linked_account",
        Group = Group,
        Title = "Get a linked account",
        Description = "Reads one linked account: name, user-defined fields, connected apps (no secrets).",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/linked-account/{linked_account_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.AccountId(Param.Path("linked_account_id", Param.AccountDescription)),
        ],
    };

    public static Operation DeleteLinkedAccount { get; } = new()
    {
        Name = "delete_linked_account",
        Group = Group,
        Title = "Delete a linked account",
        Description = "Deletes a linked account for good with its integrations, configs and session tokens.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/linked-account/{linked_account_id}",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.AccountId(Param.Path("linked_account_id", Param.AccountDescription)),
        ],
    };

    public static Operation DeleteLinkedAccountIntegration { get; } = new()
    {
        Name = "delete_linked_account_integration",
        Group = Group,
        Title = "Disconnect an app",
        Description = "Disconnects one app (or one auth_type) from a linked account, revoking the provider token.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/linked-account/integration/{slug}",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.SlugPath,
            Param.Query("linked_account_id", "", ParameterType.String, required: true),
            Param.LinkedAccountHeader,
            Param.Query("auth_type", "Only this auth type's connection."),
        ],
    };

    public static Operation GetActiveLinkedAccount { get; } = new()
    {
        Name = "get_active_linked_account",
        Group = Group,
        Title = "Get the session's linked account",
        Description = "Reads the linked account a session token belongs to; with a known account_id use get_linked_account.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/session/active-linked-account",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Read,
    };

    public static IReadOnlyList<Operation> All { get; } = [ListLinkedAccounts, CreateLinkedAccount, UpsertLinkedAccount, GetLinkedAccount, DeleteLinkedAccount, DeleteLinkedAccountIntegration, GetActiveLinkedAccount];
}
