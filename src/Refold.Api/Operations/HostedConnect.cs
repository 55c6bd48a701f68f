using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Hosted Connect: create links to Refold's hosted Connect page, where an end user connects apps, and read back the properties stored for it.</summary>
public static class HostedConnect
{
    public static OperationGroup Group { get; } = new("hosted_connect", "Hosted Connect", "Create links to Refold's hosted Connect page, where an end user connects apps, and read back the properties stored for it.");

    public static Operation CreateConnectUrl { get; } = new()
    {
        Name = "create_connect_url",
        Group = Group,
        Title = "Create a hosted Connect URL",
        Description = "Creates a link to Refold's hosted Connect page, where the session's linked account connects apps itself. Any JSON you send (e.g. base_color, button_color, redirect_url) is kept for 3 days and handed to the page through get_hosted_properties. Returns {hosted_url}. To connect a single OAuth app without the page use get_oauth_url.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/connect-url",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { LookFor = "nothing: a connect URL changes no state, so a repeat only issues another URL" },
        Parameters =
        [
            Param.Query("linked_account_id", "", ParameterType.String, required: true),
            Param.Query("config_id", "Config the page opens."),
            Param.WholeBody("properties", "Page properties, e.g. {\"redirect_url\": \"...\"}; {} if none.", required: true),
        ],
    };

    public static Operation GetHostedProperties { get; } = new()
    {
        Name = "get_hosted_properties",
        Group = Group,
        Title = "Get hosted page properties",
        Description = "Returns, unchanged, the JSON properties that create_connect_url stored for the current session token. Use it from a hosted Connect page to read its styling and redirect settings. Returns a free-form object.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/hosted-properties",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Read,
    };

    public static IReadOnlyList<Operation> All { get; } = [CreateConnectUrl, GetHostedProperties];
}
