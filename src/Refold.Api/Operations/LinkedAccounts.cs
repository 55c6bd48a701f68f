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
        Description = "Pages through the linked accounts (your customers) in the API key's environment. Use it to find an account_id; use get_linked_account when you already know it. Returns a page: docs[] (account_id, name, udf, integrations without secrets), totalDocs, totalPages, hasNextPage. Can filter on a linked-account environment variable with env_variable_name plus env_variable_value.",
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
            Param.Query("env_variable_name", "Name of a linked-account environment variable to filter on; pair it with env_variable_value."),
            Param.Query("env_variable_value", "Value that env_variable_name must hold for an account to be listed."),
        ],
    };

    public static Operation CreateLinkedAccount { get; } = new()
    {
        Name = "create_linked_account",
        Group = Group,
        Title = "Create a linked account",
        Description = "Registers a new linked account (one of your customers) under an id you choose. Use upsert_linked_account instead when the account may already exist. Can seed credentials for your own default app (your_app.auth_credentials) and user-defined fields (udf). Returns the account record (_id, account_id, name, environment, udf) without integrations.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/linked-account",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "get_linked_account", LookFor = "the account (it exists only if the create took effect)", Arguments = [("linked_account_id", "account_id"), ("linked_account_id", "linked_account_id")] },
        Parameters =
        [
            Param.Body("account_id", "Your own unique id for the customer, e.g. 'acct_9001'; give this or linked_account_id."),
            Param.Body("linked_account_id", "Alternative name for account_id; send one of the two."),
            Param.Body("name", "Display name of the customer, e.g. 'Globex Corp'."),
            Param.Body("your_app", "Credentials for your own default app as {\"auth_credentials\": {\"api_key\": \"...\"}} with string values; auth_credentials is required inside it.", ParameterType.Object),
            Param.Body("udf", "User-defined fields as a flat string map, e.g. {\"tier\": \"gold\"}.", ParameterType.Object),
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
        Description = "Fetches one linked account by the id you assigned to it. Use it to check a customer's name, user-defined fields and which apps it has connected; integrations come back without credentials or tokens. Returns the account object (_id, account_id, name, environment, udf[], integrations[]); 404 if unknown. Ids come from list_linked_accounts.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/linked-account/{linked_account_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("linked_account_id", "The account_id you gave the customer, e.g. 'acct_9001' (see list_linked_accounts)."),
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
        Description = "Returns the linked account that the current session token belongs to, without needing its id. Use it when you hold only a session token; with a known account_id use get_linked_account instead. Returns the account object (account_id, name, environment, udf, integrations).",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/session/active-linked-account",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Read,
    };

    public static IReadOnlyList<Operation> All { get; } = [ListLinkedAccounts, CreateLinkedAccount, UpsertLinkedAccount, GetLinkedAccount, DeleteLinkedAccount, DeleteLinkedAccountIntegration, GetActiveLinkedAccount];
}
