using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Applications: TODO one line.</summary>
public static class Applications
{
    public static OperationGroup Group { get; } = new("applications", "Applications", "TODO");

    public static Operation ListApplications { get; } = new()
    {
        Name = "list_applications",
        Group = Group,
        Title = "TODO",
        Description = "List apps enabled for the org+environment, each annotated with whether the given linked account has connected it. The org's default custom app is left out. Not paginated.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Query("linked_account_id", "Query alternative to the header."),
            Param.Query("slug", "Restrict to one app slug."),
            Param.Query("tags", "Filter by tag/category, e.g. CRM."),
            Param.Query("ecosystem", "'true' | 'false'."),
            Param.Query("auth_type", "Filter by auth type (oauth2, keybased)."),
        ],
    };

    public static Operation GetApplication { get; } = new()
    {
        Name = "get_application",
        Group = Group,
        Title = "TODO",
        Description = "Same data as list_applications but for a single slug, returned as one object.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application/{slug}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.RequiredLinkedAccountHeader,
            Param.Query("linked_account_id", "Query alternative."),
            Param.Query("tags", "Filter (rarely useful here)."),
            Param.Query("ecosystem", "'true' | 'false'."),
            Param.Query("auth_type", "Auth type filter."),
        ],
    };

    public static Operation ListApplicationActions { get; } = new()
    {
        Name = "list_application_actions",
        Group = Group,
        Title = "TODO",
        Description = "List the ready-made actions (API operations) that can be run against a connected app.",
        Method = HttpMethod.Get,
        Route = "/api/v2/integration-schema/{slug}/actions",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation GetApplicationActionSchema { get; } = new()
    {
        Name = "get_application_action_schema",
        Group = Group,
        Title = "TODO",
        Description = "Return the input parameter list for one action (which keys to send to execute, and which are mandatory).",
        Method = HttpMethod.Get,
        Route = "/api/v2/integration-schema/{slug}/actions/{action_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.Path("action_id", "Action id from list_application_actions."),
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation ExecuteApplicationAction { get; } = new()
    {
        Name = "execute_application_action",
        Group = Group,
        Title = "TODO",
        Description = "Run one action against the linked account's connected app using its stored credentials; the body carries the action's parameters.",
        Method = HttpMethod.Post,
        Route = "/api/v2/integration-schema/{slug}/actions/{action_id}/execute",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Run,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.Path("action_id", "Action id."),
            Param.RequiredLinkedAccountHeader,
            Param.WholeBody("parameters", "One key per parameter from get_application_action_schema (values usually strings)."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListApplications, GetApplication, ListApplicationActions, GetApplicationActionSchema, ExecuteApplicationAction];
}
