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
        Description = "Stores a key-based app's credentials on a linked account, replacing earlier ones; 500 if the app rejects them.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/linked-account/integration/save-key-credentials/{slug}",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.SlugPath,
            Param.LinkedAccountHeader,
            Param.Query("auth_type", "Instead of the app's default."),
            Param.WholeBody("credentials", "The app's credential fields (get_auth_structure).", required: true),
        ],
    };

    public static Operation UpsertDefaultAppCredential { get; } = new()
    {
        Name = "upsert_default_app_credential",
        Group = Group,
        Title = "Set a default-app credential",
        Description = "Adds or replaces one credential key on the account's existing default-app integration.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/linked-account/default-app/auth-credentials/{key}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("key", "e.g. 'api_key'."),
            Param.LinkedAccountHeader,
            Param.AccountId(Param.Query("linked_account_id", Param.AccountDescription)),
            Param.Body("value", "", ParameterType.Any, required: true),
        ],
    };

    public static Operation DeleteDefaultAppCredential { get; } = new()
    {
        Name = "delete_default_app_credential",
        Group = Group,
        Title = "Delete a default-app credential",
        Description = "Removes one credential key from the account's default-app integration and clears its cached tokens.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/linked-account/default-app/auth-credentials/{key}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("key", "e.g. 'api_key'."),
            Param.LinkedAccountHeader,
            Param.AccountId(Param.Query("linked_account_id", Param.AccountDescription)),
        ],
    };

    public static Operation MigrateToken { get; } = new()
    {
        Name = "migrate_token",
        Group = Group,
        Title = "Import existing credentials",
        Description = "Copies OAuth tokens or API keys you hold onto an account's built-in app, skipping the connect flow.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/migrate-token",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("slug", "A built-in (non-custom) app's slug.", ParameterType.String, required: true),
            Param.Body("auth_object", "e.g. {\"oauth2\": {\"access_token\": \"...\"}}.", ParameterType.Object, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [SaveKeyCredentials, UpsertDefaultAppCredential, DeleteDefaultAppCredential, MigrateToken];
}
