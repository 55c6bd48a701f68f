using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Credentials: store or import app credentials on a linked account without a connect flow, and manage the default app's key/value credentials.</summary>
public static class Credentials
{
    public static OperationGroup Group { get; } = new("credentials", "Credentials", "Store or import app credentials on a linked account without a connect flow, and manage the default app's key/value credentials.");

    public static Operation SaveKeyCredentials { get; } = new()
    {
        Name = "save_key_credentials",
        Group = Group,
        Title = "Save key-based credentials",
        Description = "Stores API-key style credentials for a key-based app on a linked account, replacing any saved before. Many apps check them with the provider first and answer 500 if they are rejected. Learn the field names from get_auth_structure or the app's auth_input_map (get_application). The response shape varies by app, e.g. {success: true}. Pass slug from list_applications.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/linked-account/integration/save-key-credentials/{slug}",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.Path("slug", "Slug of a key-based app, e.g. 'zendesk' (see list_applications)."),
            Param.LinkedAccountHeader,
            Param.Query("auth_type", "Use this auth type instead of the app's default, e.g. 'keybased'."),
            Param.WholeBody("credentials", "The app's credential fields, e.g. {\"subdomain\": \"globex\", \"api_token\": \"...\"}.", required: true),
        ],
    };

    public static Operation UpsertDefaultAppCredential { get; } = new()
    {
        Name = "upsert_default_app_credential",
        Group = Group,
        Title = "Set a default-app credential",
        Description = "Adds or replaces one key/value credential on the linked account's integration with your own default app; the value is stored encrypted. The integration must already exist (seed it with create_linked_account your_app.auth_credentials), otherwise 404. Returns {success, message, action} with action 'added' or 'updated'. To remove a key use delete_default_app_credential.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/linked-account/default-app/auth-credentials/{key}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("key", "Credential key name, e.g. 'api_key'."),
            Param.LinkedAccountHeader,
            Param.Query("linked_account_id", Param.AccountDescription) with { DescribedOnce = true },
            Param.Body("value", "The credential value; anything that is not a string is converted to one.", ParameterType.Any, required: true),
        ],
    };

    public static Operation DeleteDefaultAppCredential { get; } = new()
    {
        Name = "delete_default_app_credential",
        Group = Group,
        Title = "Delete a default-app credential",
        Description = "Removes one credential key from the linked account's integration with your own default app and clears its cached tokens. Use upsert_default_app_credential to add or change a key instead. Returns {success, message}; 404 if the key or the default-app integration does not exist.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/linked-account/default-app/auth-credentials/{key}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("key", "Credential key name to remove, e.g. 'api_key'."),
            Param.LinkedAccountHeader,
            Param.Query("linked_account_id", Param.AccountDescription) with { DescribedOnce = true },
        ],
    };

    public static Operation MigrateToken { get; } = new()
    {
        Name = "migrate_token",
        Group = Group,
        Title = "Import existing credentials",
        Description = "Copies credentials you already hold (OAuth tokens or API keys) onto a linked account's integration with a built-in app, so no connect flow is needed; custom apps are refused. The fields are checked against the app's auth schema (see get_auth_structure), encrypted, and the integration is created or updated. Returns {success, message}; some validation failures come back as HTTP 200 with only {error}.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/migrate-token",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("slug", "Slug of a built-in (non-custom) app, e.g. 'hubspot' (see list_applications).", ParameterType.String, required: true),
            Param.Body("auth_object", "Exactly one key naming the auth type that holds its fields, e.g. {\"oauth2\": {\"access_token\": \"...\", \"refresh_token\": \"...\"}}.", ParameterType.Object, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [SaveKeyCredentials, UpsertDefaultAppCredential, DeleteDefaultAppCredential, MigrateToken];
}
