using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Credentials: TODO one line.</summary>
public static class Credentials
{
    public static OperationGroup Group { get; } = new("credentials", "Credentials", "TODO");

    public static Operation SaveKeyCredentials { get; } = new()
    {
        Name = "save_key_credentials",
        Group = Group,
        Title = "TODO",
        Description = "Store API-key style credentials for a key-based app on a linked account. Many apps test the credentials against the provider before saving.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/linked-account/integration/save-key-credentials/{slug}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("slug", "Key-based application slug."),
            Param.RequiredLinkedAccountHeader,
            Param.Query("auth_type", "Override the app's default auth type."),
            Param.WholeBody("credentials", "Free-form map whose keys follow the app's auth_input_map / auth structure, e.g. {subdomain, api_token}.", required: true),
        ],
    };

    public static Operation UpsertDefaultAppCredential { get; } = new()
    {
        Name = "upsert_default_app_credential",
        Group = Group,
        Title = "TODO",
        Description = "Add or replace one credential key/value on the linked account's default (your own custom) app integration; value is encrypted at rest.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/linked-account/default-app/auth-credentials/{key}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("key", "Credential key name, e.g. api_key."),
            Param.LinkedAccountHeader,
            Param.Query("linked_account_id", "Query alternative for API-key callers."),
            Param.Body("value", "Credential value; converted to string before encryption.", ParameterType.Any, required: true),
        ],
    };

    public static Operation DeleteDefaultAppCredential { get; } = new()
    {
        Name = "delete_default_app_credential",
        Group = Group,
        Title = "TODO",
        Description = "Remove one credential key from the default-app integration and flush its token cache.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/linked-account/default-app/auth-credentials/{key}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("key", "Credential key name."),
            Param.LinkedAccountHeader,
            Param.Query("linked_account_id", "Query alternative for API-key callers."),
        ],
    };

    public static Operation MigrateToken { get; } = new()
    {
        Name = "migrate_token",
        Group = Group,
        Title = "TODO",
        Description = "Import credentials you already hold (OAuth tokens or keys) onto a linked account's integration for a native app without a connect flow; validated against the app's auth schema and encrypted.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/migrate-token",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Body("slug", "Native app slug (custom apps are rejected).", ParameterType.String, required: true),
            Param.Body("auth_object", "Exactly one top-level key naming the auth type ('oauth2', 'keybased', ...) whose value holds that type's fields, e.g. {oauth2:{access_token,refresh_token}}.", ParameterType.Object, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [SaveKeyCredentials, UpsertDefaultAppCredential, DeleteDefaultAppCredential, MigrateToken];
}
