using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Linked Accounts: TODO one line.</summary>
public static class LinkedAccounts
{
    public static OperationGroup Group { get; } = new("linked_accounts", "Linked Accounts", "TODO");

    public static Operation ListLinkedAccounts { get; } = new()
    {
        Name = "list_linked_accounts",
        Group = Group,
        Title = "TODO",
        Description = "Page through the org's linked accounts for the environment bound to the API key; credentials/tokens/connections are removed from each embedded integration.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/linked-account",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Page,
            Param.Limit,
            Param.Query("env_variable_name", "Filter: name of a linked-account environment variable (pair with env_variable_value). Exact semantics INFERRED."),
            Param.Query("env_variable_value", "Filter: value that env_variable_name must hold. Exact semantics INFERRED."),
            Param.Query("scope", "Filter on the linked account 'scope' field (added per changelog; values unknown, INFERRED)."),
        ],
    };

    public static Operation CreateLinkedAccount { get; } = new()
    {
        Name = "create_linked_account",
        Group = Group,
        Title = "TODO",
        Description = "Create a linked account (one of your customers) under the key's org+environment; optionally seed default-app credentials and user-defined fields.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/linked-account",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.Body("account_id", "Your unique id for the customer. Either account_id or linked_account_id must be given."),
            Param.Body("linked_account_id", "Alias of account_id (older docs and the Node SDK use this name)."),
            Param.Body("name", "Display name."),
            Param.Body("your_app", "{auth_credentials: {string: string}} credentials for your own (default custom) app. If your_app is sent, auth_credentials is required. Node SDK also sends your_app.app_id.", ParameterType.Object),
            Param.Body("udf", "User-defined fields as a flat string map; stored as an array of {key_name,key_value}.", ParameterType.Object),
            Param.Body("scope", "Optional scope tag (changelog mention only; INFERRED)."),
        ],
    };

    public static Operation UpsertLinkedAccount { get; } = new()
    {
        Name = "upsert_linked_account",
        Group = Group,
        Title = "TODO",
        Description = "Create the linked account if missing, otherwise update it. With a session token the account comes from the token; with an API key from the body.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/linked-account",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Body("account_id", "Account id (API-key callers). Alias: linked_account_id."),
            Param.Body("linked_account_id", "Alias of account_id."),
            Param.Body("name", "Display name (flat form)."),
            Param.Body("your_app", "{auth_credentials:{...}} (flat form).", ParameterType.Object),
            Param.Body("udf", "String map of user-defined fields (flat form).", ParameterType.Object),
            Param.Body("payload", "Nested form {name, your_app, udf}; when present it wins over the flat fields.", ParameterType.Object),
            Param.Body("scope", "Optional scope tag (changelog mention only; INFERRED)."),
        ],
    };

    public static Operation GetLinkedAccount { get; } = new()
    {
        Name = "get_linked_account",
        Group = Group,
        Title = "TODO",
        Description = "Fetch one linked account by its account_id; secret parts of integrations are removed.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/linked-account/{linked_account_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("linked_account_id", "The account_id you assigned."),
        ],
    };

    public static Operation DeleteLinkedAccount { get; } = new()
    {
        Name = "delete_linked_account",
        Group = Group,
        Title = "TODO",
        Description = "Permanently remove a linked account: revokes its integration tokens, drops its workflow installations and invalidates tokens issued to it.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/linked-account/{linked_account_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("linked_account_id", "account_id to delete."),
        ],
    };

    public static Operation DeleteLinkedAccountIntegration { get; } = new()
    {
        Name = "delete_linked_account_integration",
        Group = Group,
        Title = "TODO",
        Description = "Disconnect an app from a linked account, or only one of its connections when auth_type is given; revokes the token where the app supports it and emits a Connection Deleted webhook.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/linked-account/integration/{slug}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.Query("linked_account_id", "Account to modify (spec marks the query form required; header form also listed).", ParameterType.String, required: true),
            Param.LinkedAccountHeader,
            Param.Query("auth_type", "Only remove the connection of this auth type (oauth2, keybased, ...)."),
        ],
    };

    public static Operation GetActiveLinkedAccount { get; } = new()
    {
        Name = "get_active_linked_account",
        Group = Group,
        Title = "TODO",
        Description = "Decode the bearer session token and return the linked account it belongs to (for frontends that only hold a token).",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/session/active-linked-account",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Read,
    };

    public static IReadOnlyList<Operation> All { get; } = [ListLinkedAccounts, CreateLinkedAccount, UpsertLinkedAccount, GetLinkedAccount, DeleteLinkedAccount, DeleteLinkedAccountIntegration, GetActiveLinkedAccount];
}
