using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Core;
using Refold.Emulator.Engine;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Custom events of the org's default app (name + sample payload as a JSON string), and firing them: every published
/// workflow whose start node listens for the event (<c>data.trigger: "Event"</c>, <c>data.event</c>) and that the linked
/// account may run starts an execution with source Event. The call answers at once, without execution ids.
/// </summary>
internal sealed class EventsGroup : EmulatorGroup
{
    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Events.ListEvents, req => All(req));
        routes.Map(Ops.Events.CreateEvent, Create);
        routes.Map(Ops.Events.GetEvent, req => View(Find(req)));
        routes.Map(Ops.Events.UpdateEvent, Update);
        routes.Map(Ops.Events.DeleteEvent, Delete);
        routes.Map(Ops.Events.TriggerEvent, req => Trigger(req, req.Header("slug")), acceptsForm: true);
        routes.Map(Ops.Events.TriggerEventBySlug, req => Trigger(req, req.Route("slug")), acceptsForm: true);
    }

    public override void Seed(DemoSeed seed) => DemoWorkflows.SeedEvents(seed);

    private static JsonArray All(EmulatorRequest req) => Doc.Array(Events(req).Find().Select(View));

    private static EmulatorResult Create(EmulatorRequest req)
    {
        var body = req.Fields;
        var created = new JsonObject { ["name"] = body.Str("name"), ["response"] = body.Str("response") };
        if (body["json_schema"] is JsonObject schema)
        {
            created["json_schema"] = schema.DeepClone();
        }

        req.State.Atomically(() =>
        {
            Validate(req, body, null);
            Events(req).Insert(created);
        });
        return All(req);
    }

    private static EmulatorResult Update(EmulatorRequest req)
    {
        var id = Find(req).Str("_id")!;
        var body = req.Fields;
        req.State.Atomically(() =>
        {
            Validate(req, body, id);
            Events(req).Update(id, e =>
            {
                e["name"] = body.Str("name");
                e["response"] = body.Str("response");
                if (body["json_schema"] is JsonObject schema)
                {
                    e["json_schema"] = schema.DeepClone();
                }
                else
                {
                    e.Remove("json_schema");
                }
            });
        });
        return All(req);
    }

    private static EmulatorResult Delete(EmulatorRequest req)
    {
        Events(req).Delete(Find(req).Str("_id")!);
        return All(req);
    }

    private static EmulatorResult Trigger(EmulatorRequest req, string? slug)
    {
        var body = req.Fields;
        var name = body.Str("event") ?? body.Str("trigger");
        if (string.IsNullOrEmpty(name))
        {
            throw req.BadRequest("event (or trigger) is required: the name of the event to fire", "MISSING_REQUIRED_FIELD");
        }

        var account = req.RequireLinkedAccountId();
        req.FindLinkedAccount(account);
        var definition = Events(req).FindOne(e => Doc.Is(e, "name", name)) ?? throw TriggerNotFound();
        if (slug is not null && Workflows.App(slug, req.State.FindOrg(req.Caller.OrgId!)!) is null)
        {
            throw TriggerNotFound();
        }

        var payload = body["payload"]?.DeepClone() ?? new JsonObject();
        if (definition["json_schema"]?["required"] is JsonArray required
            && required.Select(r => Doc.Text(r)!).FirstOrDefault(r => payload[r] is null) is { } missing)
        {
            throw req.BadRequest($"payload.{missing} is required by the json_schema of event {name}", "MISSING_REQUIRED_FIELD");
        }

        var listeners = Workflows.Of(req.Data).Find(w =>
            Workflows.Kind(w) == Workflows.Parent
            && w.Bool("published") == true
            && Workflows.VisibleTo(w, account)
            && (slug is null || Doc.Is(w, "slug", slug))
            && Workflows.Trigger(w) is ("Event", var listened) && listened == name);
        var engine = req.Services.GetRequiredService<WorkflowEngine>();
        foreach (var workflow in listeners)
        {
            engine.Start(req.Data, new Executions.StartRequest
            {
                Workflow = workflow,
                LinkedAccountId = account,
                ConfigId = req.Header("config_id"),
                Source = Executions.ByEvent,
                Payload = payload.DeepClone(),
                InstanceTag = req.Header("instance_tag"),
                EventId = definition.Str("_id"),
            });
        }

        return new JsonObject { ["message"] = "Webhook Fired Success" };
    }

    private static void Validate(EmulatorRequest req, DeclaredBody body, string? ownId)
    {
        try
        {
            JsonNode.Parse(body.Str("response")!);
        }
        catch (JsonException)
        {
            throw req.BadRequest("response must be a sample payload serialized as a JSON string, e.g. '{\"invoice_id\": \"inv_1\"}'");
        }

        var name = body.Str("name");
        if (Events(req).FindOne(e => Doc.Is(e, "name", name) && !Doc.Is(e, "_id", ownId)) is not null)
        {
            throw req.BadRequest($"An event named {name} already exists");
        }
    }

    private static DocumentCollection Events(EmulatorRequest req) => req.Data.Collection(Collections.CustomEvents);

    private static JsonObject Find(EmulatorRequest req) =>
        Events(req).Get(req.Route("event_id")) ?? throw req.NotFound("Event not found");

    private static JsonObject View(JsonObject e) => Internal.Strip(e);

    // Refold's trigger routes answer an unknown event with error_code INVALID_EVENT, unlike the rest of the service.
    private static EmulatorException TriggerNotFound() => new(RefoldErrors.WithErrorCode(404, "INVALID_EVENT", "Trigger not found"));
}
