using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Events: define the org's custom events and fire them for a linked account to start the workflows that listen for them.</summary>
public static class Events
{
    public static OperationGroup Group { get; } = new("events", "Events", "Define the org's custom events (a name plus a sample payload) and fire them for a linked account to start the workflows that listen for them.");

    private static Parameter EventIdPath { get; } = Param.Path("event_id", "").From("list_events");

    // A trigger answers without execution ids: the runs it queued show up in list_executions.
    private static OutcomeCheck TriggeredRuns { get; } = Executions.NewRuns("runs with execution_source Event created since then", ("slug", "slug"));

    public static Operation ListEvents { get; } = new()
    {
        Name = "list_events",
        Group = Group,
        Title = "List custom events",
        Description = "Lists the custom events (names) of the org's default custom app.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application/event",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
    };

    public static Operation CreateEvent { get; } = new()
    {
        Name = "create_event",
        Group = Group,
        Title = "Create a custom event",
        Description = "Defines a custom event workflows can start on (fire it with trigger_event): a name and a sample payload.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/application/event",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.Body("name", "", ParameterType.String, required: true),
            Param.Body("response", "Sample payload, a JSON string.", ParameterType.String, required: true),
            Param.Body("json_schema", "", ParameterType.Object),
        ],
    };

    public static Operation GetEvent { get; } = new()
    {
        Name = "get_event",
        Group = Group,
        Title = "Get a custom event",
        Description = "Reads one custom event definition with its payload's keys and types.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/application/event/{event_id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            EventIdPath,
        ],
    };

    public static Operation UpdateEvent { get; } = new()
    {
        Name = "update_event",
        Group = Group,
        Title = "Update a custom event",
        Description = "Replaces a custom event's name, sample payload and JSON Schema; send name and response both.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/application/event/{event_id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            EventIdPath,
            Param.Body("name", "", ParameterType.String, required: true),
            Param.Body("response", "Sample payload, a JSON string.", ParameterType.String, required: true),
            Param.Body("json_schema", "", ParameterType.Object),
        ],
    };

    public static Operation DeleteEvent { get; } = new()
    {
        Name = "delete_event",
        Group = Group,
        Title = "Delete a custom event",
        Description = "Removes a custom event definition; answers with the events that remain.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/application/event/{event_id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            EventIdPath,
        ],
    };

    public static Operation TriggerEvent { get; } = new()
    {
        Name = "trigger_event",
        Group = Group,
        Title = "Trigger a custom event",
        Description = "Fires a custom event, queuing every listening workflow; no run id comes back (list_executions, source Event).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/event/trigger",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        OutcomeCheck = TriggeredRuns,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Header("config_id", "Default: account id.") with { DescribedOnce = true },
            Param.Header("instance_tag", ""),
            Param.Header("slug", "Only this app's workflows start."),
            Param.Body("event", "The event's name, from list_events."),
            Param.Body("trigger", "Older name of event.") with { Unlisted = true },
            Param.Body("payload", "", ParameterType.Any),
        ],
    };

    public static Operation TriggerEventBySlug { get; } = new()
    {
        Name = "trigger_event_by_slug",
        Group = Group,
        Title = "Trigger an app's event",
        Description = "Like trigger_event, but queues only the listening workflows of the slug's app.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/event/{slug}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        OutcomeCheck = TriggeredRuns,
        Parameters =
        [
            Param.SlugPath,
            Param.LinkedAccountHeader,
            Param.Header("config_id", "Default: account id.") with { DescribedOnce = true },
            Param.Header("instance_tag", ""),
            Param.Body("event", "The event's name, from list_events."),
            Param.Body("trigger", "Older name of event.") with { Unlisted = true },
            Param.Body("payload", "", ParameterType.Any),
        ],
    };

    public static Operation TriggerEventLegacy { get; } = new()
    {
        Name = "trigger_event_legacy",
        Group = Group,
        Title = "Trigger a custom event (legacy route)",
        Description = "Older route for firing a custom event for a linked account, without the /trigger suffix; takes the same body {event or trigger, payload} and returns {message}. Prefer trigger_event, or trigger_event_by_slug to target one app; use this only for compatibility with older integrations.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/event",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Run,
        OutcomeCheck = TriggeredRuns,
        Deprecated = true,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Header("config_id", "Default: account id.") with { DescribedOnce = true },
            Param.Header("slug", "Only this app's workflows start."),
            Param.Body("event", "The event's name, from list_events."),
            Param.Body("trigger", "Older name of event.") with { Unlisted = true },
            Param.Body("payload", "", ParameterType.Object),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListEvents, CreateEvent, GetEvent, UpdateEvent, DeleteEvent, TriggerEvent, TriggerEventBySlug, TriggerEventLegacy];
}
