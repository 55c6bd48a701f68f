using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Events: TODO one line.</summary>
public static class Events
{
    public static OperationGroup Group { get; } = new("events", "Events", "TODO");

    public static Operation ListEvents { get; } = new()
    {
        Name = "list_events",
        Group = Group,
        Title = "TODO",
        Description = "List the custom events (triggers) defined on the org's default custom app. Not paginated.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application/event",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
    };

    public static Operation CreateEvent { get; } = new()
    {
        Name = "create_event",
        Group = Group,
        Title = "TODO",
        Description = "Define a new custom event on the default app; returns the full updated event list.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/application/event",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.Body("name", "Event name used when firing it.", ParameterType.String, required: true),
            Param.Body("response", "Sample payload as a JSON *string*; Refold derives the flattened [{key,type}] list from it.", ParameterType.String, required: true),
            Param.Body("json_schema", "Optional JSON Schema for payload validation (changelog).", ParameterType.Object),
        ],
    };

    public static Operation GetEvent { get; } = new()
    {
        Name = "get_event",
        Group = Group,
        Title = "TODO",
        Description = "Fetch one custom event definition.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application/event/{event_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("event_id", "Event _id."),
        ],
    };

    public static Operation UpdateEvent { get; } = new()
    {
        Name = "update_event",
        Group = Group,
        Title = "TODO",
        Description = "Edit a custom event; returns the full updated event list.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/application/event/{event_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Path("event_id", "Event _id."),
            Param.Body("name", "Event name used when firing it.", ParameterType.String, required: true),
            Param.Body("response", "Sample payload as a JSON *string*; Refold derives the flattened [{key,type}] list from it.", ParameterType.String, required: true),
            Param.Body("json_schema", "Optional JSON Schema for payload validation (changelog).", ParameterType.Object),
        ],
    };

    public static Operation DeleteEvent { get; } = new()
    {
        Name = "delete_event",
        Group = Group,
        Title = "TODO",
        Description = "Remove a custom event; returns the remaining events.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/application/event/{event_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("event_id", "Event _id."),
        ],
    };

    public static Operation TriggerEvent { get; } = new()
    {
        Name = "trigger_event",
        Group = Group,
        Title = "TODO",
        Description = "Fire a custom event for a linked account; matching workflows are queued and the call returns immediately.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/event/trigger",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Header("config_id", "Config to run under; defaults to linked account id."),
            Param.Header("instance_tag", "Label copied onto resulting executions."),
            Param.Header("slug", "Limit to workflows of this app (and check its auth)."),
            Param.Body("event", "Event name (one of event/trigger is required)."),
            Param.Body("trigger", "Alternative key for the event name."),
            Param.Body("payload", "Data handed to the workflows. In multipart form it is a JSON string and uploaded files merge into it by field name.", ParameterType.Object),
        ],
    };

    public static Operation TriggerEventBySlug { get; } = new()
    {
        Name = "trigger_event_by_slug",
        Group = Group,
        Title = "TODO",
        Description = "Alias of trigger_event with the app slug in the path.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/event/{slug}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.LinkedAccountHeader,
            Param.Header("config_id", "Config to run under; defaults to linked account id."),
            Param.Header("instance_tag", "Label copied onto resulting executions."),
            Param.Body("event", "Event name (one of event/trigger is required)."),
            Param.Body("trigger", "Alternative key for the event name."),
            Param.Body("payload", "Data handed to the workflows. In multipart form it is a JSON string and uploaded files merge into it by field name.", ParameterType.Object),
        ],
    };

    public static Operation TriggerEventLegacy { get; } = new()
    {
        Name = "trigger_event_legacy",
        Group = Group,
        Title = "TODO",
        Description = "Older trigger route (no /trigger suffix) still documented in the v2 reference and used by the Node SDK when no slug is given.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/event",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Run,
        Deprecated = true,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Header("config_id", "Config id, default linked account id."),
            Param.Header("slug", "Restrict to one app's workflows."),
            Param.Body("event", "Event name (one of event/trigger is required)."),
            Param.Body("trigger", "Alternative key for the event name."),
            Param.Body("payload", "Data handed to the workflows. In multipart form it is a JSON string and uploaded files merge into it by field name.", ParameterType.Object),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListEvents, CreateEvent, GetEvent, UpdateEvent, DeleteEvent, TriggerEvent, TriggerEventBySlug, TriggerEventLegacy];
}
