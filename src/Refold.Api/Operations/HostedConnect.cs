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
        Description = "Links to Refold's hosted Connect page, where the linked account connects apps itself; one OAuth app without it: get_oauth_url.",
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
        Description = "Reads the properties create_connect_url stored for the session token (a hosted page's styling and redirect).",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/hosted-properties",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Read,
    };

    public static IReadOnlyList<Operation> All { get; } = [CreateConnectUrl, GetHostedProperties];
}
