using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

/// <summary>execute_workflow and the engine behind it, on the fixture's fake clock.</summary>
public sealed class WorkflowExecuteTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;
    private const string Initech = DemoOrg.InitechAccount;

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) => headers.ToDictionary(h => h.Name, h => h.Value);

    // Creates and publishes a private Globex workflow made of these nodes (chained in order); returns its published id.
    private static async Task<string> PublishAsync(EmulatorFixture f, JsonArray nodes, JsonObject? settings = null)
    {
        var edges = new JsonArray([.. nodes.Zip(nodes.Skip(1), (a, b) => (JsonNode)Js.O(("source", a!["id"]!.DeepClone()), ("target", b!["id"]!.DeepClone())))]);
        var fields = Js.O(("nodes", nodes), ("edges", edges));
        if (settings is not null)
        {
            fields["settings"] = settings;
        }

        var body = Js.O(("name", "Test flow"), ("slug", "slack"), ("fields", fields));

        var draft = (await f.Org(Globex).SendAsync("create_workflow", body))!["workflow"]!;
        var token = await f.TokenForAsync(Globex);
        return (await f.Session(token).SendAsync("publish_workflow", Js.O(("workflowId", draft.S("_id")), ("published", true)))).S("_id")!;
    }

    private static JsonObject Start() => Js.O(("id", "1"), ("type", "start"), ("data", Js.O(("trigger", "API Call"))));

    private static JsonObject ListChannels() => Js.O(("id", "2"), ("type", "action"), ("name", "List channels"), ("data", Js.O(("slug", "slack"), ("action_id", "list_channels"))));

    private static JsonObject Respond(string id, JsonObject body, int status = 200) =>
        Js.O(("id", id), ("type", "response"), ("data", Js.O(("body", body), ("status_code", status))));

    [Fact]
    public async Task ExecuteWorkflow_Async_AnswersAtOnce_ThenRunsNodeByNodeOnTheEmulatorClock()
    {
        await using var f = await emulator.FreshOrgAsync();
        var started = await f.ExecuteAsync(DemoWorkflows.ContactSync, "hubspot", Js.O(("mode", "full")));
        Assert.Equal("Workflow execution started", started.S("message"));
        var id = started.S("execution_id")!;

        var queued = await f.RunAsync(id);
        Assert.Equal("RUNNING", queued.S("status"));
        Assert.Empty(queued.A("nodes"));
        Assert.Equal("ASYNC", queued.S("type_of_execution"));
        Assert.Equal("API Call", queued.S("trigger_application_event"));

        f.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["Success", "Ready"], (await f.RunAsync(id)).NodeStatuses());

        f.Clock.Advance(TimeSpan.FromSeconds(4));
        var fetched = await f.RunAsync(id);
        Assert.Equal(["Success", "Success", "Ready"], fetched.NodeStatuses());
        Assert.Equal(3, fetched.Node("2")!["latest_output"].A("contacts").Count);
        Assert.Equal(4000, fetched.Node("2")!["execution_time"]!.GetValue<long>());
        Assert.True(fetched.Node("3")!["is_batch"]!.GetValue<bool>());
        Assert.Equal(40, fetched["completion_percentage"]!.GetValue<int>());

        f.Clock.Advance(TimeSpan.FromSeconds(8));
        var done = await f.RunAsync(id);
        Assert.Equal("COMPLETED", done.S("status"));
        Assert.Equal(["Success", "Success", "Success", "Success", "Success"], done.NodeStatuses());
        Assert.Equal(100, done["completion_percentage"]!.GetValue<int>());
        Assert.Equal(3, done["return_value"]!["synced"]!.GetValue<int>());
        Assert.Equal("Synced 3 HubSpot contacts", done.Node("4")!["input_data"].S("text"));
        Assert.Equal(12000, done["instance_execution_time"]!.GetValue<long>());
    }

    [Fact]
    public async Task ExecuteWorkflow_Sync_WaitsAndAnswersTheResponseNodesValueAndStatus()
    {
        await using var f = await emulator.FreshOrgAsync();
        var id = await PublishAsync(f, [Start(), ListChannels(), Respond("3", Js.O(("channels", "{{node.2.total}}"), ("asked_by", "{{payload.who}}")), 201)]);

        var (status, body, _) = await f.RawAsync(HttpMethod.Post, $"api/v2/public/workflow/{id}/execute", apiKey: f.ApiKey, body: Js.O(("who", "ops")),
            headers: Headers(("linked_account_id", Globex), ("slug", "slack"), ("sync_execution", "true"), ("include-headers", "true"), ("instance_tag", "batch-7")));
        Assert.Equal(201, status);
        Assert.Equal("""{"channels":2,"asked_by":"ops"}""", body!["return_value"]!.ToJsonString());
        Assert.False(body["errored"]!.GetValue<bool>());
        Assert.Equal(201, body["status_code"]!.GetValue<int>());
        Assert.Equal("batch-7", body["headers"].S("instance_tag"));
        Assert.Null(body["headers"]!["x-api-key"]);

        var run = await f.RunAsync(body.S("execution_id")!);
        Assert.Equal(("COMPLETED", "SYNC", "batch-7"), (run.S("status"), run.S("type_of_execution"), run.S("instance_tag")));
    }

    [Fact]
    public async Task ExecuteWorkflow_MissingSlugHeader_Is400WithTheServerErrorShape()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, $"api/v2/public/workflow/{DemoWorkflows.ContactSync}/execute", apiKey: f.ApiKey,
            body: Js.O(), headers: Headers(("linked_account_id", Globex)));
        Assert.Equal(400, status);
        Assert.Equal("""{"message":"Server Error","error":"Workflow ID and slug are required"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task ExecuteWorkflow_WrongTarget_AnswersInvalidWorkflowId()
    {
        await using var f = await emulator.FreshOrgAsync();
        var wrongSlug = await EmulatorFixture.FailsAsync(f.ExecuteAsync(DemoWorkflows.ContactSync, "zendesk"));
        Assert.Equal((400, "INVALID_WORKFLOW_ID"), (wrongSlug.StatusCode, wrongSlug.ErrorCode));
        Assert.Contains("belongs to application 'hubspot'", wrongSlug.Message);

        var unknown = await EmulatorFixture.FailsAsync(f.ExecuteAsync("66a1f00dbeefcafe00000999", "hubspot"));
        Assert.Equal((404, "INVALID_WORKFLOW_ID"), (unknown.StatusCode, unknown.ErrorCode));

        var draft = await EmulatorFixture.FailsAsync(f.ExecuteAsync(DemoWorkflows.LeadRouterDraft, "hubspot"));
        Assert.Equal(400, draft.StatusCode);

        // Another account's private workflow is not there for Initech, with a key or a token.
        var foreign = await EmulatorFixture.FailsAsync(f.ExecuteAsync(DemoWorkflows.LeadRouter, "hubspot", account: Initech));
        Assert.Equal(404, foreign.StatusCode);
        var token = await f.TokenForAsync(Initech);
        var byToken = await EmulatorFixture.FailsAsync(f.Session(token).SendAsync("execute_workflow", Js.O(("workflowId", "lead-router"), ("slug", "hubspot"))));
        Assert.Equal(404, byToken.StatusCode);
    }

    [Fact]
    public async Task ExecuteWorkflow_FailingNode_RetriesThenErrorsTheRun()
    {
        await using var f = await emulator.FreshOrgAsync();
        var events = new ConcurrentQueue<EmulatorEvent>();
        f.Emulator.Events.Published += events.Enqueue;
        var id = (await f.ExecuteAsync(DemoWorkflows.TicketEscalation, "zendesk", Js.O(("ticket_id", "4711")))).S("execution_id")!;

        f.Clock.Advance(TimeSpan.FromMilliseconds(3501));
        var retrying = await f.RunAsync(id);
        Assert.Equal(["Success", "Success", "Ready"], retrying.NodeStatuses());
        Assert.Equal(1, retrying.Node("3")!["attempts_made"]!.GetValue<int>());
        Assert.Equal("RUNNING", retrying.S("status"));

        f.Clock.Advance(TimeSpan.FromSeconds(6));
        var failed = await f.RunAsync(id);
        Assert.Equal("ERRORED", failed.S("status"));
        Assert.Equal(["Success", "Success", "Errored"], failed.NodeStatuses());
        Assert.Equal(3, failed.Node("3")!["attempts_made"]!.GetValue<int>());
        Assert.Equal("3", failed["execution_error"].S("node_id"));
        Assert.Contains("has not connected Jira", failed["execution_error"].S("message"));
        Assert.Equal("Escalated: Printer on fire", failed.Node("3")!["input_data"].S("summary"));

        var errored = Assert.Single(events, e => e.Name == WebhookEventNames.WorkflowErrored);
        Assert.Equal(id, errored.Payload.S("instance_id"));
        Assert.Equal("ERRORED", errored.Payload.S("status"));
        Assert.Equal("3", errored.Payload["failed_node"].S("node_id"));
        Assert.Equal(Globex, errored.Payload.S("linked_account_id"));
    }

    [Fact]
    public async Task ExecuteWorkflow_SessionToken_RunsForTheTokensOwnAccount()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Initech);
        var id = (await f.Session(token).SendAsync("execute_workflow", Js.O(("workflowId", DemoWorkflows.ContactSync), ("slug", "hubspot")))).S("execution_id")!;
        f.Clock.Advance(TimeSpan.FromSeconds(5));

        var run = await f.RunAsync(id, Initech);
        Assert.Equal(Initech, run.S("linked_account_id"));
        Assert.Equal("ERRORED", run.S("status"));
        Assert.Contains("has not connected HubSpot", run.Node("2")!["latest_output"].S("error"));
    }

    [Fact]
    public async Task ExecuteWorkflow_BodyWrappedInPayload_IsUnwrapped()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, $"api/v2/public/workflow/{DemoWorkflows.TicketEscalation}/execute", apiKey: f.ApiKey,
            body: Js.O(("payload", Js.O(("ticket_id", "4712")))), headers: Headers(("linked_account_id", Globex), ("slug", "zendesk")));
        Assert.Equal(200, status);
        f.Clock.Advance(TimeSpan.FromSeconds(2));
        var run = await f.RunAsync(body.S("execution_id")!);
        Assert.Equal("4712", run.Node("2")!["input_data"].S("ticket_id"));
        Assert.Equal("Password reset", run.Node("2")!["latest_output"]!["ticket"].S("subject"));
    }

    [Fact]
    public async Task ExecuteWorkflow_LongerThanSettingsTimeout_TimesOut()
    {
        await using var f = await emulator.FreshOrgAsync();
        var events = new ConcurrentQueue<EmulatorEvent>();
        f.Emulator.Events.Published += events.Enqueue;
        var id = await PublishAsync(f, [Start(), Js.O(("id", "2"), ("type", "delay"), ("data", Js.O(("duration_ms", 10_000)))), Respond("3", Js.O(("ok", true)))],
            Js.O(("timeout", 2)));
        var runId = (await f.ExecuteAsync(id, "slack")).S("execution_id")!;

        f.Clock.Advance(TimeSpan.FromSeconds(3));
        var run = await f.RunAsync(runId);
        Assert.Equal("TIMED_OUT", run.S("status"));
        Assert.Equal(["Success", "Timed_Out"], run.NodeStatuses());
        Assert.Equal("TIMED_OUT", Assert.Single(events, e => e.Name == WebhookEventNames.WorkflowErrored).Payload.S("status"));
    }

    [Fact]
    public async Task ExecuteWorkflow_Completed_PublishesWorkflowCompletedWithRefoldsBody()
    {
        await using var f = await emulator.FreshOrgAsync();
        var events = new ConcurrentQueue<EmulatorEvent>();
        f.Emulator.Events.Published += events.Enqueue;
        var id = await PublishAsync(f, [Start(), ListChannels(), Respond("3", Js.O(("n", "{{node.2.total}}")))]);
        var result = await f.ExecuteAsync(id, "slack", sync: true);

        var completed = Assert.Single(events);
        Assert.Equal(WebhookEventNames.WorkflowCompleted, completed.Name);
        Assert.Equal(
            ["linked_account_id", "instance_id", "workflow_id", "config_id", "event", "workflow_name", "status", "environment"],
            completed.Payload.Select(p => p.Key).ToArray());
        Assert.Equal(result.S("execution_id"), completed.Payload.S("instance_id"));
        Assert.Equal(("COMPLETED", "Workflow Completed", "test", id), (completed.Payload.S("status"), completed.Payload.S("event"), completed.Payload.S("environment"), completed.Payload.S("workflow_id")));
    }
}
