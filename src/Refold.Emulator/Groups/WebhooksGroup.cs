using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Webhook subscriptions: CRUD, group labels, and the deprecated one-webhook-per-org subscribe API. An unknown id is
/// 400 RESOURCE_NOT_FOUND, as Refold answers. Delivery is <see cref="WebhookDelivery"/>, registered here.
/// </summary>
internal sealed class WebhooksGroup : EmulatorGroup
{
    // Fields a create or update may set; everything else in the body is ignored.
    private static readonly string[] s_fields =
        ["webhook_url", "webhook_events", "webhook_headers", "webhook_body", "webhook_description", "description", "method", "slug", "workflow_ids", "webhook_type", "is_enabled", "group"];

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Webhooks.ListWebhooks, req => All(req));
        routes.Map(Ops.Webhooks.CreateWebhook, Create);
        routes.Map(Ops.Webhooks.GetWebhook, req => View(Find(req)));
        routes.Map(Ops.Webhooks.UpdateWebhook, Update);
        routes.Map(Ops.Webhooks.DeleteWebhook, Delete);
        routes.Map(Ops.Webhooks.EditWebhookGroup, EditGroup);
        routes.Map(Ops.Webhooks.SubscribeWebhookEvents, Subscribe);
        routes.Map(Ops.Webhooks.UnsubscribeWebhookEvent, Unsubscribe);
    }

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<WebhookDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDelivery>());
    }

    public override void Seed(DemoSeed seed) =>
        seed.Partition.Collection(Collections.Webhooks).Insert(new JsonObject
        {
            ["org_id"] = seed.Org.Id,
            ["environment"] = seed.Partition.Environment,
            ["is_enabled"] = false,
            ["webhook_events"] = new JsonArray("Connection Expired", "Workflow Errored"),
            ["workflow_ids"] = new JsonArray(),
            ["webhook_url"] = "https://hooks.example.com/refold-demo",
            ["webhook_body"] = "{{event}}",
            ["method"] = "POST",
            ["group"] = "ops-alerts",
            ["description"] = "Demo subscription (disabled): enable it and point it at your own URL.",
        });

    private static JsonArray All(EmulatorRequest req) => Doc.Array(req.Data.Collection(Collections.Webhooks).Find().Select(View));

    private static EmulatorResult Create(EmulatorRequest req)
    {
        var body = req.Fields;
        Validate(req, body);
        var webhook = new JsonObject
        {
            ["org_id"] = req.Caller.OrgId,
            ["environment"] = req.Caller.Environment,
            ["is_enabled"] = true,
            ["webhook_events"] = new JsonArray(),
            ["workflow_ids"] = new JsonArray(),
            ["method"] = "POST",
        };
        Apply(webhook, body);
        return View(req.Data.Collection(Collections.Webhooks).Insert(webhook));
    }

    private static JsonObject Find(EmulatorRequest req) =>
        req.Data.Collection(Collections.Webhooks).Get(req.Route("id")) ?? throw NotFound(req);

    private static EmulatorResult Update(EmulatorRequest req)
    {
        var body = req.Fields;
        Validate(req, body);
        var id = req.Route("id");
        return View(req.Data.Collection(Collections.Webhooks).Update(id, w => Apply(w, body)) ?? throw NotFound(req));
    }

    private static EmulatorResult Delete(EmulatorRequest req)
    {
        if (!req.Data.Collection(Collections.Webhooks).Delete(req.Route("id")))
        {
            throw NotFound(req);
        }

        return All(req);
    }

    private static EmulatorResult EditGroup(EmulatorRequest req)
    {
        var ids = ((JsonArray)req.Fields["webhookIds"]!).Select(i => Doc.Text(i)).ToHashSet();
        var group = req.Fields.Str("group");
        var touched = req.Data.Collection(Collections.Webhooks).UpdateMany(
            w => ids.Contains(w.Str("_id")),
            w =>
            {
                if (string.IsNullOrEmpty(group))
                {
                    w.Remove("group");
                }
                else
                {
                    w["group"] = group;
                }
            });
        return Doc.Array(touched.Select(View));
    }

    // The deprecated single-webhook API acts on the org's oldest webhook.
    private static EmulatorResult Subscribe(EmulatorRequest req)
    {
        var events = ((JsonArray)req.Fields["webhook_events"]!).Select(e => Canonical(Doc.Text(e)!)).ToList();
        CheckEvents(req, events);
        return Legacy(req, list =>
        {
            foreach (var e in events.Where(e => !list.Contains(e)))
            {
                list.Add(e);
            }
        });
    }

    private static EmulatorResult Unsubscribe(EmulatorRequest req)
    {
        var name = Canonical(req.Fields.Str("webhook_event")!);
        return Legacy(req, list => list.Remove(name));
    }

    private static EmulatorResult Legacy(EmulatorRequest req, Action<List<string>> change)
    {
        var webhooks = req.Data.Collection(Collections.Webhooks);
        var first = webhooks.Find().FirstOrDefault() ?? throw NotFound(req);
        var updated = webhooks.Update(first.Str("_id")!, w =>
        {
            var list = Events(w);
            change(list);
            w["webhook_events"] = new JsonArray([.. list.Select(e => (JsonNode)e)]);
        })!;
        return new JsonObject { ["webhook_url"] = updated["webhook_url"]?.DeepClone(), ["webhook_events"] = updated["webhook_events"]!.DeepClone() };
    }

    private static void Validate(EmulatorRequest req, DeclaredBody body)
    {
        if (body.Str("webhook_url") is { } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw req.BadRequest($"webhook_url must be an http(s) URL, got '{url}'", "INVALID_URL");
        }

        if (body["webhook_events"] is JsonArray events)
        {
            if (events.Count == 0)
            {
                throw req.BadRequest("webhook_events must name at least one event", "INVALID_EVENT");
            }

            CheckEvents(req, [.. events.Select(e => Doc.Text(e)!)]);
            if (body.Str("slug") is { Length: > 0 } && events.Any(e => Doc.Text(e)!.StartsWith("Connection", StringComparison.Ordinal)))
            {
                throw req.BadRequest("Only workflow events may be subscribed when slug is set", "INVALID_EVENT");
            }
        }

        if (body["webhook_headers"] is JsonObject headers && headers.Any(h => h.Value is not JsonValue || h.Key.Any(char.IsWhiteSpace)))
        {
            throw req.BadRequest("webhook_headers must map header names to string values", "INVALID_HEADERS");
        }
    }

    private static void CheckEvents(EmulatorRequest req, IEnumerable<string> events)
    {
        if (events.Any(e => !WebhookEventNames.All.Contains(e)))
        {
            throw req.BadRequest("Invalid event. Check events list in documentation.", "INVALID_EVENT");
        }
    }

    private static void Apply(JsonObject webhook, DeclaredBody body)
    {
        foreach (var field in s_fields)
        {
            // s_fields is what a webhook stores (create and update share it), not what one operation declares.
            if (body.Object.ContainsKey(field))
            {
                webhook[field] = body.Object[field]?.DeepClone();
            }
        }
    }

    /// <summary>A webhook as Refold returns it, with its computed webhook_type.</summary>
    internal static JsonObject View(JsonObject webhook)
    {
        var view = (JsonObject)webhook.DeepClone();
        view["webhook_type"] = webhook.Str("webhook_type") ?? TypeOf(webhook);
        return view;
    }

    // Refold infers the type from the body template: Slack block/text payloads, other templates, or the default event body.
    private static string TypeOf(JsonObject webhook) => webhook["webhook_body"] switch
    {
        null => "default",
        JsonValue v when Doc.Text(v) is "{{event}}" or "" => "default",
        JsonObject o when o.ContainsKey("blocks") || o.ContainsKey("text") => "slack",
        _ => "custom",
    };

    private static List<string> Events(JsonObject webhook) =>
        [.. (webhook["webhook_events"] as JsonArray ?? []).Select(e => Doc.Text(e)!)];

    // The deprecated API documented kebab-case names (connection-created); responses use the Title Case ones.
    private static string Canonical(string name) =>
        WebhookEventNames.All.FirstOrDefault(e => string.Equals(e.Replace(' ', '-'), name, StringComparison.OrdinalIgnoreCase)) ?? name;

    private static EmulatorException NotFound(EmulatorRequest req) =>
        new(RefoldErrors.Standard(400, "RESOURCE_NOT_FOUND", "Webhook not found"));
}
