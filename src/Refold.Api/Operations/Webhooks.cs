using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Webhooks: TODO one line.</summary>
public static class Webhooks
{
    public static OperationGroup Group { get; } = new("webhooks", "Webhooks", "TODO");

    public static Operation ListWebhooks { get; } = new()
    {
        Name = "list_webhooks",
        Group = Group,
        Title = "TODO",
        Description = "All webhook subscriptions of the org in the key's environment, each with a computed webhook_type (default/slack/custom). Not paginated.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/webhook",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
    };

    public static Operation CreateWebhook { get; } = new()
    {
        Name = "create_webhook",
        Group = Group,
        Title = "TODO",
        Description = "Register a webhook subscription for the org+environment; URL scheme, headers and event names are validated.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/webhook",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.Body("webhook_url", "http(s) URL that receives deliveries.", ParameterType.String, required: true),
            Param.Body("webhook_events", "At least one of: Connection Created, Connection Deleted, Connection Expired, Workflow Completed, Workflow Errored (workflow-specific event names may also be valid).", ParameterType.StringArray, required: true),
            Param.Body("webhook_headers", "Extra headers to send (custom template).", ParameterType.Object),
            Param.Body("webhook_body", "Body template; only honoured when webhook_type is custom. Supports {{event.<key>}} and {{workflow_response.<key>}}.", ParameterType.Any),
            Param.Body("webhook_description", "Free text."),
            Param.Body("description", "Free text."),
            Param.Body("method", "POST (default) | PUT | PATCH."),
            Param.Body("slug", "If set, only workflow-type events are allowed."),
            Param.Body("workflow_ids", "Restrict workflow events to these workflows.", ParameterType.StringArray),
            Param.Body("webhook_type", "default | slack | custom."),
            Param.Body("is_enabled", "Default true.", ParameterType.Boolean),
            Param.Body("group", "Grouping label."),
        ],
    };

    public static Operation GetWebhook { get; } = new()
    {
        Name = "get_webhook",
        Group = Group,
        Title = "TODO",
        Description = "Fetch one webhook subscription by id.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/webhook/{id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("id", "Webhook _id."),
        ],
    };

    public static Operation UpdateWebhook { get; } = new()
    {
        Name = "update_webhook",
        Group = Group,
        Title = "TODO",
        Description = "Change selected fields of a webhook (events, URL, enabled flag, headers, body template, method...). Only sent fields change.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/webhook/{id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Path("id", "Webhook _id."),
            Param.Body("webhook_events", "Replacement event list.", ParameterType.StringArray),
            Param.Body("webhook_url", "New http(s) URL."),
            Param.Body("is_enabled", "Enable/disable delivery.", ParameterType.Boolean),
            Param.Body("webhook_type", "default | slack | custom."),
            Param.Body("webhook_headers", "Headers.", ParameterType.Object),
            Param.Body("webhook_body", "Body template (custom only).", ParameterType.Any),
            Param.Body("slug", "App slug restriction."),
            Param.Body("description", "Free text."),
            Param.Body("workflow_ids", "Workflow filter.", ParameterType.StringArray),
            Param.Body("method", "POST | PUT | PATCH."),
        ],
    };

    public static Operation DeleteWebhook { get; } = new()
    {
        Name = "delete_webhook",
        Group = Group,
        Title = "TODO",
        Description = "Delete one webhook; the response is the list of webhooks that remain.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/webhook/{id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("id", "Webhook _id."),
        ],
    };

    public static Operation EditWebhookGroup { get; } = new()
    {
        Name = "edit_webhook_group",
        Group = Group,
        Title = "TODO",
        Description = "Set (or clear with an empty string) the group label on many webhooks at once; returns the touched webhooks.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/webhooks/group/edit",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Body("webhookIds", "Ids to update (min 1).", ParameterType.StringArray, required: true),
            Param.Body("group", "Label; empty/falsy removes it."),
        ],
    };

    public static Operation SubscribeWebhookEvents { get; } = new()
    {
        Name = "subscribe_webhook_events",
        Group = Group,
        Title = "TODO",
        Description = "DEPRECATED single-webhook API: add events to the org's webhook.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/webhook/subscribe",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Deprecated = true,
        Parameters =
        [
            Param.Body("webhook_events", "Old docs list kebab names (connection-created, connection-deleted, workflow-completed, workflow-errored) but responses show Title Case names.", ParameterType.StringArray, required: true),
        ],
    };

    public static Operation UnsubscribeWebhookEvent { get; } = new()
    {
        Name = "unsubscribe_webhook_event",
        Group = Group,
        Title = "TODO",
        Description = "DEPRECATED single-webhook API: remove one event from the org's webhook.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/webhook/unsubscribe",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Deprecated = true,
        Parameters =
        [
            Param.Body("webhook_event", "One event name to drop.", ParameterType.String, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListWebhooks, CreateWebhook, GetWebhook, UpdateWebhook, DeleteWebhook, EditWebhookGroup, SubscribeWebhookEvents, UnsubscribeWebhookEvent];
}
