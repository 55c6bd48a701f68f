using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Events: define the org's custom events and fire them for a linked account to start the workflows that listen for them.</summary>
public static class Events
{
    public static OperationGroup Group { get; } = new("events", "Events", "Define the org's custom events (a name plus a sample payload) and fire them for a linked account to start the workflows that listen for them.");

    private static Parameter EventIdPath { get; } = Param.Path("event_id", "The event's _id, from list_events.");

    // A trigger answers without execution ids: the runs it queued show up in list_executions.
    private static OutcomeCheck TriggeredRuns { get; } = Executions.NewRuns("runs with execution_source Event created since then", ("slug", "slug"));

    public static Operation ListEvents { get; } = new()
    {
        Name = "list_events",
        Group = Group,
        Title = "List custom events",
        Description = "Lists the custom events defined on the org's default custom app, as a plain array (not paginated) of {_id, name, response (the payload's keys and types), json_schema?}. Use it to find an event name for trigger_event, or an _id for get_event, update_event and delete_event.",
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
        Description = "Adds a custom event to the org's default custom app so workflows can be started by it; fire it later with trigger_event. Give a name and a sample payload serialized as a JSON string in response. Returns the full updated array of events, each with _id, name and response.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/application/event",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.Body("name", "Event name that triggers will use, e.g. 'invoice_paid'.", ParameterType.String, required: true),
            Param.Body("response", "Sample payload serialized as a JSON string, e.g. '{\"invoice_id\": \"inv_1\"}'; Refold derives the payload's keys and types from it.", ParameterType.String, required: true),
            Param.Body("json_schema", "Optional JSON Schema object used to validate payloads of this event.", ParameterType.Object),
        ],
    };

    public static Operation GetEvent { get; } = new()
    {
        Name = "get_event",
        Group = Group,
        Title = "Get a custom event",
        Description = "Reads one custom event definition: {_id, name, response, json_schema?}. Use list_events to see them all. Pass event_id, the _id from list_events; an unknown id gives 404 RESOURCE_NOT_FOUND.",
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
        Description = "Replaces a custom event's name, sample payload and optional JSON Schema; send both name and response even when only one changes. Pass event_id, the _id from list_events. Returns the full updated array of events; 404 RESOURCE_NOT_FOUND for an unknown id.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/application/event/{event_id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            EventIdPath,
            Param.Body("name", "Event name that triggers will use, e.g. 'invoice_paid'.", ParameterType.String, required: true),
            Param.Body("response", "Sample payload serialized as a JSON string, e.g. '{\"invoice_id\": \"inv_1\"}'; Refold derives the payload's keys and types from it.", ParameterType.String, required: true),
            Param.Body("json_schema", "Optional JSON Schema object used to validate payloads of this event.", ParameterType.Object),
        ],
    };

    public static Operation DeleteEvent { get; } = new()
    {
        Name = "delete_event",
        Group = Group,
        Title = "Delete a custom event",
        Description = "Removes a custom event from the org's default custom app. Pass event_id, the _id from list_events. Returns the events that remain, as an array; 404 RESOURCE_NOT_FOUND for an unknown id.",
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
        Description = "Fires a custom event for the linked account, queuing every workflow that listens for it, and returns at once with {message} but no execution id (find the runs it started with list_executions: execution_source 'Event', the same linked_account_id, start_date the time of this call). Name the event in event (or trigger) and put the data in payload. Use trigger_event_by_slug to name the app in the path instead.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/event/trigger",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        OutcomeCheck = TriggeredRuns,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Header("config_id", "Config whose settings the started workflows use; defaults to the linked account id."),
            Param.Header("instance_tag", "Free-text label copied onto the executions this creates, e.g. 'import-42'."),
            Param.Header("slug", "Optional app slug, e.g. 'zendesk'; only that app's workflows start and its connection is checked."),
            Param.Body("event", "Name of the event to fire, e.g. 'invoice_paid' (from list_events). Send this or trigger."),
            Param.Body("trigger", "Same as event under another key; send one of the two."),
            Param.Body("payload", "JSON data handed to the started workflows, e.g. {\"invoice_id\": \"inv_1\"}.", ParameterType.Any),
        ],
    };

    public static Operation TriggerEventBySlug { get; } = new()
    {
        Name = "trigger_event_by_slug",
        Group = Group,
        Title = "Trigger a custom event for an app",
        Description = "Same as trigger_event, but the app slug is part of the path, so only that app's workflows listening for the event are queued. Returns {message} at once with no execution id; find the runs with list_executions. Pass slug from list_applications and the event name from list_events.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/event/{slug}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        OutcomeCheck = TriggeredRuns,
        Parameters =
        [
            Param.Path("slug", "Application slug, e.g. 'zendesk' (from list_applications)."),
            Param.LinkedAccountHeader,
            Param.Header("config_id", "Config whose settings the started workflows use; defaults to the linked account id."),
            Param.Header("instance_tag", "Free-text label copied onto the executions this creates, e.g. 'import-42'."),
            Param.Body("event", "Name of the event to fire, e.g. 'invoice_paid' (from list_events). Send this or trigger."),
            Param.Body("trigger", "Same as event under another key; send one of the two."),
            Param.Body("payload", "JSON data handed to the started workflows, e.g. {\"invoice_id\": \"inv_1\"}.", ParameterType.Any),
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
            Param.Header("config_id", "Config whose settings the started workflows use; defaults to the linked account id."),
            Param.Header("slug", "Optional app slug, e.g. 'zendesk'; only that app's workflows start."),
            Param.Body("event", "Name of the event to fire, e.g. 'invoice_paid' (from list_events). Send this or trigger."),
            Param.Body("trigger", "Same as event under another key; send one of the two."),
            Param.Body("payload", "JSON data handed to the started workflows, e.g. {\"invoice_id\": \"inv_1\"}.", ParameterType.Object),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListEvents, CreateEvent, GetEvent, UpdateEvent, DeleteEvent, TriggerEvent, TriggerEventBySlug, TriggerEventLegacy];
}
