using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Webhooks: manage the org's webhook subscriptions that notify your URLs about connection and workflow events.</summary>
public static class Webhooks
{
    public static OperationGroup Group { get; } = new("webhooks", "Webhooks", "Manage the org's webhook subscriptions that notify your URLs about connection and workflow events.");

    /// <summary>The event names a webhook may subscribe to (Refold's reference; Title Case).</summary>
    public static IReadOnlyList<string> EventNames { get; } = ["Connection Created", "Connection Deleted", "Connection Expired", "Workflow Completed", "Workflow Errored"];

    // Said on each tool, not once: get_variable_definition's id comes from elsewhere (ParameterSourceTests).
    private static Parameter WebhookIdPath { get; } = Param.Path("id", "The webhook's id, from list_webhooks.");

    public static Operation ListWebhooks { get; } = new()
    {
        Name = "list_webhooks",
        Group = Group,
        Title = "List webhooks",
        Description = "Lists the org's webhook subscriptions: which events go to which URL.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/webhook",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
    };

    public static Operation CreateWebhook { get; } = new()
    {
        Name = "create_webhook",
        Group = Group,
        Title = "Create a webhook",
        Description = "Subscribes an http(s) URL to org events (connections created, deleted, expired; workflows completed, errored).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/webhook",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "list_webhooks", LookFor = "a subscription with this webhook_url and these events" },
        Parameters =
        [
            Param.Body("webhook_url", "", ParameterType.String, required: true),
            Param.Body("webhook_events", "", ParameterType.StringArray, required: true) with { Enum = EventNames },
            Param.Body("webhook_headers", "", ParameterType.Object),
            Param.Body("webhook_body", "For webhook_type custom; may use {{event.<key>}}.", ParameterType.Any),
            Param.Body("webhook_description", ""),
            Param.Body("description", ""),
            Param.Body("method", "") with { Enum = ["POST", "PUT", "PATCH"] },
            Param.Body("slug", "If set, only workflow events are allowed."),
            Param.Body("workflow_ids", "", ParameterType.StringArray).From("list_workflows"),
            Param.Body("webhook_type", "") with { Enum = ["default", "slack", "custom"] },
            Param.Body("is_enabled", "", ParameterType.Boolean),
            Param.Body("group", ""),
        ],
    };

    public static Operation GetWebhook { get; } = new()
    {
        Name = "get_webhook",
        Group = Group,
        Title = "Get a webhook",
        Description = "Reads one webhook subscription with its headers and body template.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/webhook/{id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            WebhookIdPath,
        ],
    };

    public static Operation UpdateWebhook { get; } = new()
    {
        Name = "update_webhook",
        Group = Group,
        Title = "Update a webhook",
        Description = "Changes only the fields you send on one webhook: pause it (is_enabled false), move its URL, replace its events.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/webhook/{id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            WebhookIdPath,
            Param.Body("webhook_events", "", ParameterType.StringArray) with { Enum = EventNames },
            Param.Body("webhook_url", ""),
            Param.Body("is_enabled", "", ParameterType.Boolean),
            Param.Body("webhook_type", "") with { Enum = ["default", "slack", "custom"] },
            Param.Body("webhook_headers", "", ParameterType.Object),
            Param.Body("webhook_body", "For webhook_type custom.", ParameterType.Any),
            Param.Body("slug", "If set, only workflow events are allowed."),
            Param.Body("description", ""),
            Param.Body("workflow_ids", "", ParameterType.StringArray).From("list_workflows"),
            Param.Body("method", "") with { Enum = ["POST", "PUT", "PATCH"] },
        ],
    };

    public static Operation DeleteWebhook { get; } = new()
    {
        Name = "delete_webhook",
        Group = Group,
        Title = "Delete a webhook",
        Description = "Deletes one webhook subscription; update_webhook with is_enabled false only pauses it.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/webhook/{id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            WebhookIdPath,
        ],
    };

    public static Operation EditWebhookGroup { get; } = new()
    {
        Name = "edit_webhook_group",
        Group = Group,
        Title = "Group webhooks",
        Description = "Puts one group label on several webhooks, or removes it when group is empty.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/webhooks/group/edit",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Body("webhookIds", "", ParameterType.StringArray, required: true).From("list_webhooks"),
            Param.Body("group", "Label; empty or omitted removes it."),
        ],
    };

    public static Operation SubscribeWebhookEvents { get; } = new()
    {
        Name = "subscribe_webhook_events",
        Group = Group,
        Title = "Add events to the org webhook",
        Description = "Adds event names to the org's single webhook of the older one-webhook-per-org model. For webhooks made with create_webhook use update_webhook instead. Returns {webhook_url, webhook_events}.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/webhook/subscribe",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Update,
        Deprecated = true,
        Parameters =
        [
            Param.Body("webhook_events", "", ParameterType.StringArray, required: true),
        ],
    };

    public static Operation UnsubscribeWebhookEvent { get; } = new()
    {
        Name = "unsubscribe_webhook_event",
        Group = Group,
        Title = "Remove an event from the org webhook",
        Description = "Removes one event name from the org's single webhook of the older one-webhook-per-org model. For webhooks made with create_webhook use update_webhook instead. Returns {webhook_url, webhook_events} with the events that remain.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/webhook/unsubscribe",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Delete,
        Deprecated = true,
        Parameters =
        [
            Param.Body("webhook_event", "", ParameterType.String, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListWebhooks, CreateWebhook, GetWebhook, UpdateWebhook, DeleteWebhook, EditWebhookGroup, SubscribeWebhookEvents, UnsubscribeWebhookEvent];
}
