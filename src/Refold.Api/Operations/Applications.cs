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
        Description = "Lists the org's apps with slug, auth_type and whether the linked account connected them.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.AccountId(Param.Query("linked_account_id", Param.AccountDescription)),
            Param.Query("slug", ""),
            Param.Query("tags", ""),
            Param.Query("ecosystem", "") with { Enum = ["true", "false"] },
            Param.Query("auth_type", ""),
        ],
    };

    public static Operation GetApplication { get; } = new()
    {
        Name = "get_application",
        Group = Group,
        Title = "Get an application",
        Description = "Reads one app: auth_type, auth_input_map (its key-based credential form), whether the account connected it.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application/{slug}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.SlugPath,
            Param.LinkedAccountHeader,
            Param.Query("linked_account_id", "Whose connections to report."),
            Param.Query("tags", ""),
            Param.Query("ecosystem", "") with { Enum = ["true", "false"] },
            Param.Query("auth_type", ""),
        ],
    };

    public static Operation ListApplicationActions { get; } = new()
    {
        Name = "list_application_actions",
        Group = Group,
        Title = "List an app's actions",
        Description = "Lists an app's prebuilt actions: the action_id execute_application_action takes.",
        Method = HttpMethod.Get,
        Route = "/api/v2/integration-schema/{slug}/actions",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.SlugPath,
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation GetApplicationActionSchema { get; } = new()
    {
        Name = "get_application_action_schema",
        Group = Group,
        Title = "Get an action's input schema",
        Description = "Lists one app action's inputs (name, required, type): the keys execute_application_action takes.",
        Method = HttpMethod.Get,
        Route = "/api/v2/integration-schema/{slug}/actions/{action_id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.SlugPath,
            Param.Path("action_id", "").From("list_application_actions"),
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation ExecuteApplicationAction { get; } = new()
    {
        Name = "execute_application_action",
        Group = Group,
        Title = "Execute an app action",
        Description = "Runs one prebuilt action on the account's connected app with the credentials Refold holds.",
        Method = HttpMethod.Post,
        Route = "/api/v2/integration-schema/{slug}/actions/{action_id}/execute",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Run,
        OutcomeCheck = new() { LookFor = "in the app itself whether the action happened (for a write, a list or search action of the same app through execute_application_action shows the record)" },
        Parameters =
        [
            Param.SlugPath,
            Param.Path("action_id", "").From("list_application_actions"),
            Param.RequiredLinkedAccountHeader,
            Param.WholeBody("parameters", "Inputs keyed as in get_application_action_schema."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListApplications, GetApplication, ListApplicationActions, GetApplicationActionSchema, ExecuteApplicationAction];
}
