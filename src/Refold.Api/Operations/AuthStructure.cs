using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Auth Structure &amp; OAuth: learn which credential fields an app needs and build OAuth consent URLs for a linked account.</summary>
public static class AuthStructure
{
    public static OperationGroup Group { get; } = new("auth_structure", "Auth Structure & OAuth", "Learn which credential fields an app needs and build OAuth consent URLs for a linked account.");

    public static Operation GetAuthStructure { get; } = new()
    {
        Name = "get_auth_structure",
        Group = Group,
        Title = "Get an app's auth structure",
        Description = "Describes which credential fields an app expects for each auth type it supports (e.g. oauth2, keybased). Use it before save_key_credentials or migrate_token to learn the field names. Returns a map from auth type to fields, each either a type string or {type, required: false} when optional; custom apps return {} and an unknown slug gives 500. Pass slug from list_applications.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/auth-structure/{slug}",
        Auth = AuthLevel.None,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "App slug, e.g. 'zendesk' (see list_applications)."),
        ],
    };

    public static Operation GetOauthUrl { get; } = new()
    {
        Name = "get_oauth_url",
        Group = Group,
        Title = "Get an OAuth consent URL",
        Description = "Builds the provider's consent URL for connecting an OAuth2 app to a linked account; once the user approves, Refold completes the exchange and stores the integration. For key-based apps use save_key_credentials; for Refold's ready-made page covering all apps use create_connect_url. Returns {auth_url}. Pass slug from list_applications and the customer's linked_account_id.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/linked-account/integration/oauth-url/{slug}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "Slug of an OAuth2 app, e.g. 'salesforce' (see list_applications)."),
            Param.LinkedAccountHeader,
            new() { Name = "extra_query", In = ParameterLocation.Query, Type = ParameterType.Object, Spread = true, Description = "Extra query parameters that some apps need before authorizing, e.g. {\"subdomain\": \"globex\"}; the names vary by app." },
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [GetAuthStructure, GetOauthUrl];
}
