using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Auth Structure & OAuth: TODO one line.</summary>
public static class AuthStructure
{
    public static OperationGroup Group { get; } = new("auth_structure", "Auth Structure & OAuth", "TODO");

    public static Operation GetAuthStructure { get; } = new()
    {
        Name = "get_auth_structure",
        Group = Group,
        Title = "TODO",
        Description = "Describe, per auth type the app supports, which credential fields exist; optional fields appear as {type, required:false}. No authentication at all.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/auth-structure/{slug}",
        Auth = AuthLevel.None,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
        ],
    };

    public static Operation GetOauthUrl { get; } = new()
    {
        Name = "get_oauth_url",
        Group = Group,
        Title = "TODO",
        Description = "Build the provider consent URL for an OAuth2 app and linked account; after consent Refold exchanges the code and attaches the integration.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/linked-account/integration/oauth-url/{slug}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "OAuth2 application slug."),
            Param.RequiredLinkedAccountHeader,
            new() { Name = "extra_query", In = ParameterLocation.Query, Type = ParameterType.Object, Spread = true, Description = "Some apps need extra prerequisite values (e.g. a subdomain) as query parameters; names vary per app." },
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [GetAuthStructure, GetOauthUrl];
}
