using System.Text.Json.Nodes;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class ExecutionsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;
    private const string Initech = DemoOrg.InitechAccount;

    [Fact]
    public async Task ListExecutions_SeededOrg_HasARunInEveryStatus_NewestFirst()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, page, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/execution?limit=50", apiKey: f.ApiKey);
        Assert.Equal(200, status);
        var statuses = page.A("docs").Select(d => d.S("status")).ToHashSet();
        Assert.Equal(["COMPLETED", "ERRORED", "RUNNING", "STOPPED", "STOPPING", "TIMED_OUT"], statuses.Order());
        var created = page.A("docs").Select(d => d.S("createdAt")!).ToList();
        Assert.Equal(created.OrderDescending(StringComparer.Ordinal), created);
        Assert.DoesNotContain(page.A("docs"), d => d!["nodes"] is not null || d["_engine"] is not null);
    }

    [Fact]
    public async Task ListExecutions_Filters_ByStatusSourceWorkflowAndSlug()
    {
        await using var f = await emulator.FreshOrgAsync();
        Assert.Equal(DemoWorkflows.ErroredExecution, Assert.Single(await f.ExecutionsAsync(Js.O(("status", "ERRORED")))).S("_id"));
        Assert.Equal(DemoWorkflows.CompletedExecution, Assert.Single(await f.ExecutionsAsync(Js.O(("execution_source", "SCHEDULE")))).S("_id"));
        var byEvent = Assert.Single(await f.ExecutionsAsync(Js.O(("execution_source", "Event"))));
        Assert.Equal(DemoWorkflows.InvoicePaidEventId, byEvent.S("associated_event_id"));
        Assert.Equal(3, (await f.ExecutionsAsync(Js.O(("workflow_id", DemoWorkflows.ContactSync)))).Count);
        Assert.Equal(3, (await f.ExecutionsAsync(Js.O(("slug", "zendesk,slack")))).Count);
        Assert.Equal(DemoWorkflows.RunningExecution, Assert.Single(await f.ExecutionsAsync(Js.O(("workflow_name", "REFUND")))).S("_id"));
        Assert.Empty(await f.ExecutionsAsync(Js.O(("start_date", f.Date(1)))));
        Assert.Equal(DemoWorkflows.StoppedExecution, (await f.ExecutionsAsync(Js.O(("sortAsc", "true"))))[0].S("_id"));

        var page2 = await f.Org(Globex).SendAsync("list_executions", Js.O(("limit", 2), ("page", 2)));
        Assert.Equal(2, page2.A("docs").Count);
        Assert.Equal(6, page2!["totalDocs"]!.GetValue<int>());
        Assert.True(page2["hasPrevPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Executions_SessionToken_SeesOnlyItsOwnAccountsRuns()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Initech);
        var own = (await f.Session(token).SendAsync("list_executions")).A("docs");
        Assert.Equal(DemoWorkflows.TimedOutExecution, Assert.Single(own).S("_id"));

        var (status, body, _) = await f.RawAsync(HttpMethod.Get, $"api/v2/public/execution/{DemoWorkflows.CompletedExecution}", bearer: token);
        Assert.Equal(404, status);
        Assert.Equal("""{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"RESOURCE_NOT_FOUND","message":"Execution not found"}""", body!.ToJsonString());
        var stop = await EmulatorFixture.FailsAsync(f.Session(token).SendAsync("stop_execution", Js.O(("instanceId", DemoWorkflows.RunningExecution))));
        Assert.Equal(404, stop.StatusCode);
        var fromOtherAccount = await EmulatorFixture.FailsAsync(f.Org(Initech).SendAsync("get_execution", Js.O(("execution_id", DemoWorkflows.CompletedExecution))));
        Assert.Equal(404, fromOtherAccount.StatusCode);
    }

    [Fact]
    public async Task Executions_AnotherOrg_SeesNoneOfTheDemoOrgsRuns()
    {
        await using var f = await emulator.FreshOrgAsync();
        f.Emulator.State.AddOrg("tk_other_org_key_000000000000000000");
        var (status, page, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/execution", apiKey: "tk_other_org_key_000000000000000000");
        Assert.Equal(200, status);
        Assert.Empty(page.A("docs"));
        var (missing, _, _) = await f.RawAsync(HttpMethod.Get, $"api/v2/public/execution/{DemoWorkflows.CompletedExecution}", apiKey: "tk_other_org_key_000000000000000000");
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task GetExecution_Seeded_ShowsNodesInEntryOrderWithOutputs()
    {
        await using var f = await emulator.FreshOrgAsync();
        var completed = await f.RunAsync(DemoWorkflows.CompletedExecution);
        Assert.Equal(["Success", "Success", "Success", "Success", "Success"], completed.NodeStatuses());
        Assert.Equal("Schedule", completed.S("trigger_application_event"));
        Assert.Equal(DemoWorkflows.NightlyScheduleEvent, completed.S("associated_event_id"));
        Assert.Equal("incremental", completed.Node("1")!["latest_output"]!["payload"].S("mode"));

        var running = await f.RunAsync(DemoWorkflows.RunningExecution);
        Assert.Equal(["Success", "Waiting"], running.NodeStatuses());
        Assert.Equal(DemoWorkflows.WaitingTask, running.Node("2")!["input_data"].S("human_task_id"));

        var stopped = await f.RunAsync(DemoWorkflows.StoppedExecution);
        Assert.Equal(["Success", "Success", "Stopped"], stopped.NodeStatuses());
        var timedOut = await f.RunAsync(DemoWorkflows.TimedOutExecution, Initech);
        Assert.Equal(["Success", "Timed_Out"], timedOut.NodeStatuses());
    }

    [Fact]
    public async Task ListExecutionNodeBatches_BatchNode_PagesItsBatches_OtherNodesAre501()
    {
        await using var f = await emulator.FreshOrgAsync();
        var batches = await f.Org(Globex).SendAsync("list_execution_node_batches", Js.O(("execution_id", DemoWorkflows.CompletedExecution), ("node_id", "3")));
        Assert.Equal([0, 1], batches.A("docs").Select(b => b!["batch_index"]!.GetValue<int>()).ToArray());
        Assert.Equal(1, batches.A("docs")[1]!["output"]!["processed"]!.GetValue<int>());
        var onlyErrored = await f.Org(Globex).SendAsync("list_execution_node_batches", Js.O(("execution_id", DemoWorkflows.CompletedExecution), ("node_id", "3"), ("status", "Errored")));
        Assert.Empty(onlyErrored.A("docs"));

        var (status, body, _) = await f.RawAsync(HttpMethod.Get, $"api/v2/public/execution/{DemoWorkflows.CompletedExecution}/nodes/2/batches", apiKey: f.ApiKey,
            headers: new Dictionary<string, string> { ["linked_account_id"] = Globex });
        Assert.Equal(501, status);
        Assert.Equal("""{"status_code":501,"http_error_type":"NOT_IMPLEMENTED","error_code":"SERVER_ERROR","message":"Batch details are not yet available for this execution type"}""", body!.ToJsonString());

        var unknownNode = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("list_execution_node_batches", Js.O(("execution_id", DemoWorkflows.CompletedExecution), ("node_id", "42"))));
        Assert.Equal(404, unknownNode.StatusCode);
    }

    [Fact]
    public async Task ListWorkflowExecutionNodeBatches_WorkflowAndAccount_ListsBatchesAcrossRuns()
    {
        await using var f = await emulator.FreshOrgAsync();
        var batches = await f.Org().SendAsync("list_workflow_execution_node_batches", Js.O(("workflowId", DemoWorkflows.ContactSync), ("linkedAccountId", Globex)));

        // The completed run synced both batches; the stopped and stopping ones were halted before their first.
        Assert.Equal(2, batches!["totalDocs"]!.GetValue<int>());
        Assert.All(batches.A("docs"), b => Assert.Equal(DemoWorkflows.CompletedExecution, b.S("execution_id")));
        Assert.Empty((await f.Org().SendAsync("list_workflow_execution_node_batches", Js.O(("workflowId", DemoWorkflows.ContactSync), ("linkedAccountId", Initech)))).A("docs"));
    }

    [Fact]
    public async Task StopExecution_Running_GoesStoppingThenStopped()
    {
        await using var f = await emulator.FreshOrgAsync();
        var id = (await f.ExecuteAsync(DemoWorkflows.ContactSync, "hubspot")).S("execution_id")!;
        f.Clock.Advance(TimeSpan.FromSeconds(5));

        var answer = await f.Org(Globex).SendAsync("stop_execution", Js.O(("instanceId", id)));
        Assert.Equal("""{"message":"Stopping instance"}""", answer!.ToJsonString());
        Assert.Equal("STOPPING", (await f.RunAsync(id)).S("status"));

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        var stopped = await f.RunAsync(id);
        Assert.Equal("STOPPED", stopped.S("status"));
        Assert.Equal(["Success", "Success", "Stopped"], stopped.NodeStatuses());

        // Nothing runs after the stop, and a finished run cannot be stopped.
        f.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(3, (await f.RunAsync(id)).A("nodes").Count);
        var again = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("stop_execution", Js.O(("instanceId", id))));
        Assert.Equal((400, "SERVER_ERROR"), (again.StatusCode, again.ErrorCode));
    }

    [Fact]
    public async Task RerunExecution_Errored_StartsANewRunWithTheSamePayload_ThatPassesOnceJiraIsConnected()
    {
        await using var f = await emulator.FreshOrgAsync();
        var rerun = await f.Org(Globex).SendAsync("rerun_execution", Js.O(("instanceId", DemoWorkflows.ErroredExecution)));
        Assert.Equal("success", rerun.S("status"));
        var firstId = rerun.S("id")!;
        Assert.NotEqual(DemoWorkflows.ErroredExecution, firstId);
        f.Clock.Advance(TimeSpan.FromSeconds(10));
        var first = await f.RunAsync(firstId);
        Assert.Equal(("ERRORED", DemoWorkflows.ErroredExecution), (first.S("status"), first.S("rerun_of")));
        Assert.Equal("4711", first.Node("2")!["input_data"].S("ticket_id"));

        await f.Org(Globex).SendAsync("save_key_credentials", Js.O(("slug", "jira"), ("credentials", Js.O(("domain", "globex.atlassian.net"), ("email", "it@globex.example.com"), ("api_token", "t")))));
        var second = (await f.Org(Globex).SendAsync("rerun_execution", Js.O(("instanceId", firstId)))).S("id")!;
        f.Clock.Advance(TimeSpan.FromSeconds(10));
        var passed = await f.RunAsync(second);
        Assert.Equal("COMPLETED", passed.S("status"));
        Assert.StartsWith("PROJ-", passed["return_value"].S("jira_issue"));
    }

    [Fact]
    public async Task Restart_WithDataPath_CarriesOnARunThatWasHalfway()
    {
        var dir = Directory.CreateTempSubdirectory("refold-engine-").FullName;
        try
        {
            var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(EmulatorFixture.Start);
            string id;
            await using (var f = await EmulatorFixture.StartAsync(o => o.DataPath = Path.Combine(dir, "state.json"), clock))
            {
                id = (await f.ExecuteAsync(DemoWorkflows.ContactSync, "hubspot"))!.S("execution_id")!;
                f.Clock.Advance(TimeSpan.FromSeconds(5));
                Assert.Equal(["Success", "Success", "Ready"], (await f.RunAsync(id)).NodeStatuses());
            }

            await using (var f = await EmulatorFixture.StartAsync(o => o.DataPath = Path.Combine(dir, "state.json"), clock))
            {
                Assert.Equal("RUNNING", (await f.RunAsync(id)).S("status"));
                f.Clock.Advance(TimeSpan.FromSeconds(10));
                var done = await f.RunAsync(id);
                Assert.Equal("COMPLETED", done.S("status"));
                Assert.Equal(2, (await f.Org(Globex).SendAsync("list_execution_node_batches", Js.O(("execution_id", id), ("node_id", "3"))))!["totalDocs"]!.GetValue<int>());
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task RerunExecution_CompletedOrRunning_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        foreach (var id in new[] { DemoWorkflows.CompletedExecution, DemoWorkflows.RunningExecution })
        {
            var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("rerun_execution", Js.O(("instanceId", id))));
            Assert.Equal(400, error.StatusCode);
        }
    }
}
