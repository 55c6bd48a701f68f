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
        Description = "Shows the credential fields an app expects per auth type: the names save_key_credentials and migrate_token take.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/auth-structure/{slug}",
        Auth = AuthLevel.None,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.SlugPath,
        ],
    };

    public static Operation GetOauthUrl { get; } = new()
    {
        Name = "get_oauth_url",
        Group = Group,
        Title = "Get an OAuth consent URL",
        Description = "Builds the consent URL that connects an OAuth2 app to a linked account; key-based apps use save_key_credentials.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/linked-account/integration/oauth-url/{slug}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.SlugPath,
            Param.LinkedAccountHeader,
            new() { Name = "extra_query", In = ParameterLocation.Query, Type = ParameterType.Object, Spread = true, Description = "Query parameters some apps need, e.g. {\"subdomain\": \"globex\"}." },
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [GetAuthStructure, GetOauthUrl];
}
