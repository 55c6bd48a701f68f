using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Webhooks: manage the org's webhook subscriptions that notify your URLs about connection and workflow events.</summary>
public static class Webhooks
{
    public static OperationGroup Group { get; } = new("webhooks", "Webhooks", "Manage the org's webhook subscriptions that notify your URLs about connection and workflow events.");

    /// <summary>The event names a webhook may subscribe to (Refold's reference; Title Case).</summary>
    public static IReadOnlyList<string> EventNames { get; } = ["Connection Created", "Connection Deleted", "Connection Expired", "Workflow Completed", "Workflow Errored"];

    public static Operation ListWebhooks { get; } = new()
    {
        Name = "list_webhooks",
        Group = Group,
        Title = "List webhooks",
        Description = "Lists every webhook subscription of the org in the API key's environment. Use it to find a webhook _id or to review which events go to which URL. Returns a plain array (not paged) of webhooks with _id, webhook_url, webhook_events, is_enabled, method, group and webhook_type (default, slack or custom).",
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
        Description = "Subscribes a URL to org events such as Connection Created, Connection Deleted, Connection Expired, Workflow Completed and Workflow Errored; an org may have several webhooks. The URL must be http(s) and every event name must be known, otherwise 400 (INVALID_EVENT for events). Returns the new webhook object, whose _id is used by get_webhook, update_webhook and delete_webhook.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/webhook",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "list_webhooks", LookFor = "a subscription with this webhook_url and these events" },
        Parameters =
        [
            Param.Body("webhook_url", "http(s) URL that receives the deliveries, e.g. 'https://hooks.example.com/refold'.", ParameterType.String, required: true),
            Param.Body("webhook_events", "Event names to deliver, at least one: 'Workflow Errored' for failed runs, 'Workflow Completed' for finished ones, 'Connection Created/Deleted/Expired' for customers' app connections.", ParameterType.StringArray, required: true) with { Enum = EventNames },
            Param.Body("webhook_headers", "Extra HTTP headers sent with each delivery, as a string map.", ParameterType.Object),
            Param.Body("webhook_body", "Body template, used only when webhook_type is 'custom'; may contain {{event.<key>}} and {{workflow_response.<key>}}.", ParameterType.Any),
            Param.Body("webhook_description", "Free-text description of the webhook."),
            Param.Body("description", "Additional free-text description."),
            Param.Body("method", "HTTP method used for deliveries (default 'POST').") with { Enum = ["POST", "PUT", "PATCH"] },
            Param.Body("slug", "App slug, e.g. 'hubspot'; when set, only workflow events may be subscribed."),
            Param.Body("workflow_ids", "Deliver workflow events only for these workflow ids (see list_workflows).", ParameterType.StringArray),
            Param.Body("webhook_type", "Delivery format: 'default', 'slack' or 'custom'.") with { Enum = ["default", "slack", "custom"] },
            Param.Body("is_enabled", "Whether deliveries are active (default true).", ParameterType.Boolean),
            Param.Body("group", "Label for grouping webhooks, e.g. 'ops-alerts'."),
        ],
    };

    public static Operation GetWebhook { get; } = new()
    {
        Name = "get_webhook",
        Group = Group,
        Title = "Get a webhook",
        Description = "Fetches one webhook subscription by its _id, including its computed webhook_type. Returns the webhook object (webhook_url, webhook_events, is_enabled, method, webhook_headers, webhook_body); an unknown id gives 400 RESOURCE_NOT_FOUND, not 404. Get the id from list_webhooks.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/webhook/{id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("id", "Webhook _id from list_webhooks, e.g. '66a1f00dbeefcafe00000301'."),
        ],
    };

    public static Operation UpdateWebhook { get; } = new()
    {
        Name = "update_webhook",
        Group = Group,
        Title = "Update a webhook",
        Description = "Changes only the fields you send on one webhook, e.g. pause it with is_enabled false, move it to a new URL or replace its event list. Returns the updated webhook; an unknown id gives 400 RESOURCE_NOT_FOUND. Pass id from list_webhooks; to relabel many webhooks at once use edit_webhook_group.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/webhook/{id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Path("id", "Webhook _id from list_webhooks, e.g. '66a1f00dbeefcafe00000301'."),
            Param.Body("webhook_events", "New full list of event names; replaces the current list.", ParameterType.StringArray) with { Enum = EventNames },
            Param.Body("webhook_url", "New http(s) delivery URL."),
            Param.Body("is_enabled", "false to pause deliveries, true to resume them.", ParameterType.Boolean),
            Param.Body("webhook_type", "Delivery format: 'default', 'slack' or 'custom'.") with { Enum = ["default", "slack", "custom"] },
            Param.Body("webhook_headers", "Extra HTTP headers sent with each delivery, as a string map.", ParameterType.Object),
            Param.Body("webhook_body", "Body template, honoured only when webhook_type is 'custom'.", ParameterType.Any),
            Param.Body("slug", "App slug; when set, only workflow events are allowed."),
            Param.Body("description", "Free-text description."),
            Param.Body("workflow_ids", "Deliver workflow events only for these workflow ids.", ParameterType.StringArray),
            Param.Body("method", "HTTP method used for deliveries.") with { Enum = ["POST", "PUT", "PATCH"] },
        ],
    };

    public static Operation DeleteWebhook { get; } = new()
    {
        Name = "delete_webhook",
        Group = Group,
        Title = "Delete a webhook",
        Description = "Deletes one webhook subscription so its URL gets no more events; to pause deliveries instead use update_webhook with is_enabled false. Returns the array of webhooks that remain (possibly empty); an unknown id gives 400 RESOURCE_NOT_FOUND. Pass id from list_webhooks.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/webhook/{id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("id", "Webhook _id from list_webhooks, e.g. '66a1f00dbeefcafe00000301'."),
        ],
    };

    public static Operation EditWebhookGroup { get; } = new()
    {
        Name = "edit_webhook_group",
        Group = Group,
        Title = "Set the group of several webhooks",
        Description = "Puts the same group label on several webhooks at once, or removes their label when group is empty or omitted. Returns the affected webhooks as an array. Pass webhook _ids from list_webhooks; to change other fields use update_webhook.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/webhooks/group/edit",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Body("webhookIds", "Webhook _ids to relabel, at least one (see list_webhooks).", ParameterType.StringArray, required: true),
            Param.Body("group", "Group label to set, e.g. 'ops-alerts'; empty or omitted removes it."),
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
            Param.Body("webhook_events", "Event names to add, e.g. ['Workflow Completed', 'Workflow Errored'].", ParameterType.StringArray, required: true),
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
            Param.Body("webhook_event", "The event name to remove, e.g. 'Workflow Completed'.", ParameterType.String, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListWebhooks, CreateWebhook, GetWebhook, UpdateWebhook, DeleteWebhook, EditWebhookGroup, SubscribeWebhookEvents, UnsubscribeWebhookEvent];
}
