using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Hosted Connect: TODO one line.</summary>
public static class HostedConnect
{
    public static OperationGroup Group { get; } = new("hosted_connect", "Hosted Connect", "TODO");

    public static Operation CreateConnectUrl { get; } = new()
    {
        Name = "create_connect_url",
        Group = Group,
        Title = "TODO",
        Description = "Create a hosted Connect page URL for the token's linked account; whatever JSON you send is stored (3-day TTL) and served back to the page via get_hosted_properties.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/connect-url",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.Query("linked_account_id", "Listed as required by the spec even though the bearer token already identifies the account (INFERRED: must match the token).", ParameterType.String, required: true),
            Param.Query("config_id", "Config to open; older docs say a new config with this id is created if it does not exist. Appended to the URL as ?config_id=..."),
            Param.WholeBody("properties", "Arbitrary JSON kept verbatim. Older docs: color, bgColor, name; newer: base_color, button_color, redirect_url are common keys. None required.", required: true),
        ],
    };

    public static Operation GetHostedProperties { get; } = new()
    {
        Name = "get_hosted_properties",
        Group = Group,
        Title = "TODO",
        Description = "Return the JSON stored by create_connect_url for the current session token, unchanged.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/hosted-properties",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Read,
    };

    public static IReadOnlyList<Operation> All { get; } = [CreateConnectUrl, GetHostedProperties];
}
