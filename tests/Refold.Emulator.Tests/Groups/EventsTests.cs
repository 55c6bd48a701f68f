using System.Text.Json.Nodes;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class EventsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;

    private static JsonObject Definition(string name, string response = """{"order_id":"o_1"}""") => Js.O(("name", name), ("response", response));

    [Fact]
    public async Task CreateEvent_AddsItAndAnswersTheWholeList_GetUpdateDeleteFollow()
    {
        await using var f = await emulator.FreshOrgAsync();
        var afterCreate = (await f.Org().SendAsync("create_event", Definition("order_shipped").Also(d => d["json_schema"] = Js.O(("required", new JsonArray("order_id"))))))!.AsArray();
        Assert.Equal(["invoice_paid", "order_shipped"], afterCreate.Select(e => e.S("name")!).ToArray());
        var id = afterCreate[1].S("_id")!;

        var read = await f.Org().SendAsync("get_event", Js.O(("event_id", id)));
        Assert.Equal("""{"order_id":"o_1"}""", read.S("response"));
        Assert.Equal("order_id", read!["json_schema"]!["required"]![0]!.GetValue<string>());

        var afterUpdate = (await f.Org().SendAsync("update_event", Js.O(("event_id", id), ("name", "order_sent"), ("response", """{"order_id":"o_2"}"""))))!.AsArray();
        var updated = afterUpdate.Single(e => e.S("_id") == id)!;
        Assert.Equal("order_sent", updated.S("name"));
        Assert.Null(updated["json_schema"]);

        var remaining = (await f.Org().SendAsync("delete_event", Js.O(("event_id", id))))!.AsArray();
        Assert.Equal(DemoWorkflows.InvoicePaidEventId, Assert.Single(remaining).S("_id"));
        var gone = await EmulatorFixture.FailsAsync(f.Org().SendAsync("get_event", Js.O(("event_id", id))));
        Assert.Equal((404, "RESOURCE_NOT_FOUND", "Event not found"), (gone.StatusCode, gone.ErrorCode, gone.Message));
    }

    [Fact]
    public async Task EventNotFound_UsesTheStandardErrorEnvelope()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Delete, "api/v2/public/application/event/66a1f00dbeefcafe00000799", apiKey: f.ApiKey);
        Assert.Equal(404, status);
        Assert.Equal("""{"status_code":404,"http_error_type":"NOT_FOUND","error":"RESOURCE_NOT_FOUND","message":"Event not found"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task CreateEvent_BadBodies_Are400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var duplicate = await EmulatorFixture.FailsAsync(f.Org().SendAsync("create_event", Definition(DemoWorkflows.InvoicePaidEvent)));
        Assert.Equal((400, "An event named invoice_paid already exists"), (duplicate.StatusCode, duplicate.Message));
        var notJson = await EmulatorFixture.FailsAsync(f.Org().SendAsync("create_event", Definition("x", "{not json")));
        Assert.Equal(400, notJson.StatusCode);
        Assert.StartsWith("response must be a sample payload", notJson.Message);
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/application/event", apiKey: f.ApiKey, body: Js.O(("name", "x")));
        Assert.Equal((400, "response is required"), (status, body.S("message")));
    }

    [Fact]
    public async Task Events_SessionToken_IsRefusedOnDefinitions()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Globex);
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/application/event", bearer: token);
        Assert.Equal((401, "Invalid Credentials"), (status, body.S("message")));
    }

    [Fact]
    public async Task TriggerEvent_StartsTheListeningWorkflowsForTheAccount()
    {
        await using var f = await emulator.FreshOrgAsync();
        var answer = await f.Org(Globex).SendAsync("trigger_event", Js.O(("event", "invoice_paid"), ("payload", Js.O(("invoice_id", "in_77"), ("amount", 990))), ("instance_tag", "import-42")));
        Assert.Equal("""{"message":"Webhook Fired Success"}""", answer!.ToJsonString());

        var fromEvent = (await f.ExecutionsAsync(Js.O(("execution_source", "Event")))).Where(e => e.S("_id") != DemoWorkflows.EventExecution).ToList();
        var run = Assert.Single(fromEvent)!;
        Assert.Equal((DemoWorkflows.InvoiceAnnouncement, DemoWorkflows.InvoicePaidEventId, "import-42"), (run["associated_workflow"].S("_id"), run.S("associated_event_id"), run.S("instance_tag")));

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        var done = await f.RunAsync(run.S("_id")!);
        Assert.Equal("COMPLETED", done.S("status"));
        Assert.Equal("Invoice in_77 was paid (990 cents)", done.Node("2")!["input_data"].S("text"));
    }

    [Fact]
    public async Task TriggerEvent_SessionTokenAndTriggerKey_StartTheRunForTheTokensAccount()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.InitechAccount);
        await f.Session(token).SendAsync("trigger_event_by_slug", Js.O(("slug", "slack"), ("trigger", "invoice_paid"), ("payload", Js.O(("invoice_id", "in_5")))));
        var runs = (await f.Session(token).SendAsync("list_executions", Js.O(("execution_source", "Event")))).A("docs");
        Assert.Equal(DemoOrg.InitechAccount, Assert.Single(runs).S("linked_account_id"));
    }

    [Fact]
    public async Task TriggerEventBySlug_OtherApp_StartsNothing_UnknownSlugOrEventIs404InvalidEvent()
    {
        await using var f = await emulator.FreshOrgAsync();
        var before = (await f.ExecutionsAsync()).Count;
        await f.Org(Globex).SendAsync("trigger_event_by_slug", Js.O(("slug", "hubspot"), ("event", "invoice_paid")));
        Assert.Equal(before, (await f.ExecutionsAsync()).Count);

        var (status, body, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/event/nope", apiKey: f.ApiKey,
            body: Js.O(("event", "invoice_paid")), headers: new Dictionary<string, string> { ["linked_account_id"] = Globex });
        Assert.Equal(404, status);
        Assert.Equal("""{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"INVALID_EVENT","message":"Trigger not found"}""", body!.ToJsonString());
        var unknown = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("trigger_event", Js.O(("event", "never_defined"))));
        Assert.Equal((404, "INVALID_EVENT"), (unknown.StatusCode, unknown.ErrorCode));
        var unnamed = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("trigger_event", Js.O(("payload", Js.O()))));
        Assert.Equal(400, unnamed.StatusCode);
    }

    [Fact]
    public async Task TriggerEvent_PayloadMissingASchemaField_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org().SendAsync("create_event", Definition("order_shipped").Also(d => d["json_schema"] = Js.O(("required", new JsonArray("order_id")))));
        var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("trigger_event", Js.O(("event", "order_shipped"), ("payload", Js.O(("x", 1))))));
        Assert.Equal((400, "payload.order_id is required by the json_schema of event order_shipped"), (error.StatusCode, error.Message));
    }

    [Fact]
    public async Task TriggerEvent_PrivateWorkflowListening_RunsOnlyForItsOwner()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org().SendAsync("create_event", Definition("lead_created"));
        var nodes = new JsonArray(
            Js.O(("id", "1"), ("type", "start"), ("data", Js.O(("trigger", "Event"), ("event", "lead_created")))),
            Js.O(("id", "2"), ("type", "response"), ("data", Js.O(("body", Js.O(("lead", "{{payload.email}}")))))));
        var draft = (await f.Org(Globex).SendAsync("create_workflow", Js.O(("name", "On lead"), ("slug", "hubspot"), ("fields", Js.O(("nodes", nodes))))))!["workflow"]!;
        var token = await f.TokenForAsync(Globex);
        var published = (await f.Session(token).SendAsync("publish_workflow", Js.O(("workflowId", draft.S("_id")), ("published", true)))).S("_id");

        await f.Org(DemoOrg.InitechAccount).SendAsync("trigger_event", Js.O(("event", "lead_created"), ("payload", Js.O(("email", "a@b.c")))));
        Assert.Empty(await f.ExecutionsAsync(Js.O(("workflow_id", published)), DemoOrg.InitechAccount));

        await f.Org(Globex).SendAsync("trigger_event", Js.O(("event", "lead_created"), ("payload", Js.O(("email", "a@b.c")))));
        var run = Assert.Single(await f.ExecutionsAsync(Js.O(("workflow_id", published))))!;
        f.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("""{"lead":"a@b.c"}""", (await f.RunAsync(run.S("_id")!))["return_value"]!.ToJsonString());
    }
}
