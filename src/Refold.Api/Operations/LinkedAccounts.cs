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
        Description = "Pages through the linked accounts (your customers) to find an account_id; get_linked_account reads a known one. Filters on an account variable.",
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
            Param.Query("env_variable_name", "Variable to filter on."),
            Param.Query("env_variable_value", "Value it must hold."),
        ],
    };

    public static Operation CreateLinkedAccount { get; } = new()
    {
        Name = "create_linked_account",
        Group = Group,
        Title = "Create a linked account",
        Description = "Registers a new linked account (customer) under an id you choose; upsert_linked_account when it may exist. Can seed default-app credentials and user-defined fields.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/linked-account",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "get_linked_account", LookFor = "the account (it exists only if the create took effect)", Arguments = [("linked_account_id", "account_id"), ("linked_account_id", "linked_account_id")] },
        Parameters =
        [
            Param.Body("account_id", "Your id for it, e.g. 'acct_9001'."),
            Param.Body("linked_account_id", "Same as account_id."),
            Param.Body("name", "Display name."),
            Param.Body("your_app", "{\"auth_credentials\": {\"api_key\": \"...\"}}, string values.", ParameterType.Object),
            Param.Body("udf", "Flat string map, e.g. {\"tier\": \"gold\"}.", ParameterType.Object),
        ],
    };

    public static Operation UpsertLinkedAccount { get; } = new()
    {
        Name = "upsert_linked_account",
        Group = Group,
        Title = "Create or update a linked account",
        Description = "Creates the linked account if it is missing, otherwise updates its name, user-defined fields or default-app credentials. With an org API key name the account in account_id (or linked_account_id); a session token names its own account. Fields may be sent flat or nested in payload, which wins when both are given. Returns the account record plus new_account (true if it was created).",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/linked-account",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Body("account_id", "Id of the account to create or update, e.g. 'acct_9001'; needed with an org API key."),
            Param.Body("linked_account_id", "Alternative name for account_id."),
            Param.Body("name", "New display name, e.g. 'Initech (EMEA)'."),
            Param.Body("your_app", "Default-app credentials as {\"auth_credentials\": {...}} with string values.", ParameterType.Object),
            Param.Body("udf", "User-defined fields as a flat string map, e.g. {\"region\": \"apac\"}.", ParameterType.Object),
            Param.Body("payload", "Nested form {name, your_app, udf}; takes precedence over the flat fields when present.", ParameterType.Object),
        ],
    };

    public static Operation GetLinkedAccount { get; } = new()
    {
        Name = "get_linked_account",
        Group = Group,
        Title = "Get a linked account",
        Description = "Reads one linked account: name, user-defined fields and connected apps (no secrets); 404 if unknown.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/linked-account/{linked_account_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("linked_account_id", Param.AccountDescription),
        ],
    };

    public static Operation DeleteLinkedAccount { get; } = new()
    {
        Name = "delete_linked_account",
        Group = Group,
        Title = "Delete a linked account",
        Description = "Permanently deletes a linked account: its integration tokens are revoked, its workflow installations removed and session tokens issued to it stop working. To disconnect a single app use delete_linked_account_integration instead. Returns {message}; 404 if unknown. The configured test user of the test environment cannot be deleted.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/linked-account/{linked_account_id}",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.Path("linked_account_id", "The account_id of the customer to delete, e.g. 'acct_9001' (see list_linked_accounts)."),
        ],
    };

    public static Operation DeleteLinkedAccountIntegration { get; } = new()
    {
        Name = "delete_linked_account_integration",
        Group = Group,
        Title = "Disconnect an app from a linked account",
        Description = "Removes an app's integration from a linked account, or only its connection of one auth_type when given. The provider token is revoked where the app allows it and a Connection Deleted webhook is sent. Returns the updated linked account, and succeeds even if the app was never connected. Pass slug from list_applications and the customer's linked_account_id.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/linked-account/integration/{slug}",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.Path("slug", "Slug of the app to disconnect, e.g. 'hubspot' (see list_applications)."),
            Param.Query("linked_account_id", "Your id of the linked account to modify, e.g. 'acct_9001'.", ParameterType.String, required: true),
            Param.LinkedAccountHeader,
            Param.Query("auth_type", "Remove only the connection with this auth type, e.g. 'oauth2' or 'keybased'; omit to remove the whole integration."),
        ],
    };

    public static Operation GetActiveLinkedAccount { get; } = new()
    {
        Name = "get_active_linked_account",
        Group = Group,
        Title = "Get the session's linked account",
        Description = "Reads the linked account the session token belongs to, no id needed; with a known account_id use get_linked_account.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/session/active-linked-account",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Read,
    };

    public static IReadOnlyList<Operation> All { get; } = [ListLinkedAccounts, CreateLinkedAccount, UpsertLinkedAccount, GetLinkedAccount, DeleteLinkedAccount, DeleteLinkedAccountIntegration, GetActiveLinkedAccount];
}
