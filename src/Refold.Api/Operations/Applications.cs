using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Applications: discover the apps enabled for the org, see whether a linked account has connected them, and inspect and run their prebuilt actions.</summary>
public static class Applications
{
    public static OperationGroup Group { get; } = new("applications", "Applications", "Discover the apps enabled for the org, see whether a linked account has connected them, and inspect and run their prebuilt actions.");

    public static Operation ListApplications { get; } = new()
    {
        Name = "list_applications",
        Group = Group,
        Title = "List applications",
        Description = "Lists the org's apps (not paged), each saying whether the linked account connected it and needs reauth. Gives an app's slug and auth_type; get_application reads one.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Query("linked_account_id", Param.AccountDescription) with { DescribedOnce = true },
            Param.Query("slug", "One app."),
            Param.Query("tags", "A tag, e.g. 'CRM'."),
            Param.Query("ecosystem", "Filter on the ecosystem flag.") with { Enum = ["true", "false"] },
            Param.Query("auth_type", "e.g. 'oauth2'."),
        ],
    };

    public static Operation GetApplication { get; } = new()
    {
        Name = "get_application",
        Group = Group,
        Title = "Get an application",
        Description = "Returns one enabled app by slug with the same fields as list_applications: name, auth_type, auth_input_map (the key-based credential form), connected and connected_accounts for the given linked account. Use it to check whether a customer has connected a specific app before running its actions. Returns a single object; 404 if the slug is not enabled for the org.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application/{slug}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "App slug, e.g. 'zendesk' (see list_applications)."),
            Param.LinkedAccountHeader,
            Param.Query("linked_account_id", "Your id of the linked account whose connection status is reported, e.g. 'acct_9001'."),
            Param.Query("tags", "Only match if the app has this tag or category, e.g. 'Support'."),
            Param.Query("ecosystem", "Filter on the app's ecosystem flag: 'true' or 'false'.") with { Enum = ["true", "false"] },
            Param.Query("auth_type", "Only match if the app uses this auth type, e.g. 'oauth2'."),
        ],
    };

    public static Operation ListApplicationActions { get; } = new()
    {
        Name = "list_application_actions",
        Group = Group,
        Title = "List an app's actions",
        Description = "Lists the prebuilt actions (API operations) that can be run on an app for a linked account. Use it to find an action_id, then call get_application_action_schema for its inputs and execute_application_action to run it. Returns a plain array of {action_id, name, description, tag}. Pass slug from list_applications.",
        Method = HttpMethod.Get,
        Route = "/api/v2/integration-schema/{slug}/actions",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "App slug, e.g. 'hubspot' (see list_applications)."),
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation GetApplicationActionSchema { get; } = new()
    {
        Name = "get_application_action_schema",
        Group = Group,
        Title = "Get an action's input schema",
        Description = "Returns the input parameters of one app action, so you know which keys to send to execute_application_action and which are mandatory. Returns a plain array of {name, label, required, type}. Pass slug from list_applications and action_id from list_application_actions; 404 if the action is unknown.",
        Method = HttpMethod.Get,
        Route = "/api/v2/integration-schema/{slug}/actions/{action_id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "App slug, e.g. 'hubspot' (see list_applications)."),
            Param.Path("action_id", "Action id from list_application_actions, e.g. 'search_contacts'."),
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation ExecuteApplicationAction { get; } = new()
    {
        Name = "execute_application_action",
        Group = Group,
        Title = "Execute an app action",
        Description = "Runs one prebuilt action on the linked account's connected app, using the credentials Refold already stores (never pass app tokens yourself). Call get_application_action_schema first to learn the input keys. Returns {node_status, data}, where data is the app's own response. Write actions really change data in the third-party app. Pass slug from list_applications and action_id from list_application_actions.",
        Method = HttpMethod.Post,
        Route = "/api/v2/integration-schema/{slug}/actions/{action_id}/execute",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Run,
        OutcomeCheck = new() { LookFor = "in the app itself whether the action happened (for a write, a list or search action of the same app through execute_application_action shows the record)" },
        Parameters =
        [
            Param.Path("slug", "App slug, e.g. 'hubspot' (see list_applications)."),
            Param.Path("action_id", "Action id from list_application_actions, e.g. 'get_contact'."),
            Param.RequiredLinkedAccountHeader,
            Param.WholeBody("parameters", "The action's inputs, one key per parameter from get_application_action_schema, e.g. {\"email\": \"jane@example.com\"}; values are usually strings."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListApplications, GetApplication, ListApplicationActions, GetApplicationActionSchema, ExecuteApplicationAction];
}
