using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Jobs;

/// <summary>
/// run_workflow and wait_for_execution end to end on the emulator (its clock sped up) with a real MCP client: the
/// executable over stdio, and the HTTP server on both protocol generations.
/// </summary>
public sealed class WorkflowJobTests
{
    private const string ContactSync = "Nightly contact sync";
    private const string Speed = "8";

    // Workflow runs are destructive, so they ask the user by default; tests about the job itself let them run unasked.
    private static readonly ServerOptions NoConfirm = CommandLine.Parse(["--confirm", "never"]);

    [Fact]
    public async Task RunWorkflow_StdioContactSync_ProgressPerNodeChangeAndFinalReportMatchesExecution()
    {
        await using var client = await ServerProcess.ConnectStdioAsync(new Dictionary<string, string?>(), new ConcurrentQueue<string>(), null,
            "--emulator", "--emulator-speed", Speed, "--confirm", "never");
        await using var progress = ProgressLog.Listen(client, "sync-1");

        var run = await ProgressLog.CallAsync(client, progress, "run_workflow",
            $$$"""{"workflow":"{{{ContactSync}}}","linked_account_id":"acct_globex","input":{"mode":"full"}}""");

        Assert.False(run.IsError, run.Text());
        var report = run.Structured();
        Assert.True(report.GetProperty("finished").GetBoolean());
        Assert.Equal("COMPLETED", report.Str("status"));
        var nodes = report.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(5, nodes.Count);

        var execution = (await client.CallAsync("get_execution",
            $$"""{"execution_id":"{{report.Str("execution_id")}}","linked_account_id":"acct_globex"}""")).Structured();
        Assert.Equal(
            execution.GetProperty("nodes").EnumerateArray().Select(n => (n.Str("node_name"), n.Str("node_status"), n.GetProperty("attempts_made").GetInt32())),
            nodes.Select(n => (n.Str("name"), n.Str("status"), n.GetProperty("attempts").GetInt32())));
        Assert.Equal(3, report.GetProperty("return_value").GetProperty("synced").GetInt32());

        var received = await progress.UntilAsync("5/5 Response: Success");
        for (var i = 0; i < nodes.Count; i++)
        {
            Assert.Contains(received, r => r.Message == $"{i + 1}/5 {nodes[i].Str("name")}: Success");
        }

        // One notification per node change, each with a progress value above the one before (the client may hand
        // them over in another order, since it dispatches notifications concurrently).
        Assert.Equal(received.Count, received.Select(r => r.Message).Distinct().Count());
        Assert.Equal(received.Count, received.Select(r => r.Progress).Distinct().Count());
        var inOrder = received.OrderBy(r => r.Progress).Select(r => int.Parse(r.Message.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(inOrder.Order(), inOrder);
        Assert.All(received, r => Assert.Equal(5, r.Total));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    public async Task RunWorkflow_RunLongerThanTheWait_ReturnsUnfinishedAndWaitForExecutionFinishesIt(string? protocol)
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true, EmulatorSpeed = 4 });
        await using var http = await HttpHarness.StartAsync(upstream);
        // A workflow run is destructive: the user confirms it (MRTR on 2026-07-28, elicitation on 2025-11-25).
        var user = new TestUser();
        var client = await http.ConnectAsync(protocolVersion: protocol, handlers: user.Handlers);

        var run = await client.CallAsync("run_workflow", $$"""{"workflow":"{{ContactSync}}","linked_account_id":"acct_globex","timeout_s":1}""");

        Assert.False(run.IsError, run.Text());
        Assert.Contains("execute_workflow", Assert.Single(user.Asked), StringComparison.Ordinal);
        Assert.False(run.Structured().GetProperty("finished").GetBoolean());
        Assert.Equal("RUNNING", run.Structured().Str("status"));
        var executionId = run.Structured().Str("execution_id")!;
        Assert.Contains("wait_for_execution", run.Structured().Str("next"), StringComparison.Ordinal);

        await using var progress = ProgressLog.Listen(client, "wait-1");
        var waited = await ProgressLog.CallAsync(client, progress, "wait_for_execution",
            $$"""{"execution_id":"{{executionId}}","linked_account_id":"acct_globex","timeout_s":40}""");

        Assert.False(waited.IsError, waited.Text());
        Assert.True(waited.Structured().GetProperty("finished").GetBoolean());
        Assert.Equal("COMPLETED", waited.Structured().Str("status"));
        Assert.All(waited.Structured().GetProperty("nodes").EnumerateArray(), n => Assert.Equal("Success", n.Str("status")));
        await progress.UntilAsync("Response: Success");
        var stored = await client.CallAsync("get_execution", $$"""{"execution_id":"{{executionId}}","linked_account_id":"acct_globex"}""");
        Assert.Equal("COMPLETED", stored.Structured().Str("status"));
    }

    [Fact]
    public async Task RunWorkflow_ReachesHumanTask_ReturnsTaskAndFormThenCompletesAfterSubmit()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true, EmulatorSpeed = 4 });
        await using var http = await HttpHarness.StartAsync(upstream, NoConfirm);
        var client = await http.ConnectAsync(protocolVersion: "2025-11-25");

        var run = await client.CallAsync("run_workflow",
            """{"workflow":"Refund approval","linked_account_id":"acct_globex","input":{"invoice_id":"in_job","amount":990,"reason":"test"}}""");

        Assert.False(run.IsError, run.Text());
        var held = run.Structured();
        Assert.False(held.GetProperty("finished").GetBoolean());
        Assert.Equal("human_task", held.Str("waiting_for"));
        var task = held.GetProperty("human_task");
        var taskId = task.Str("id")!;
        Assert.Equal("Approve refund", task.Str("name"));
        Assert.Contains("approve", task.GetProperty("form_structure").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("in_job", task.GetProperty("data").Str("invoice_id"));

        var submitted = await client.CallAsync("call_write_operation", $$$"""{"name":"submit_human_task","arguments":{"id":"{{{taskId}}}","data":{"approve":true} } }""");
        Assert.False(submitted.IsError, submitted.Text());
        var waited = await client.CallAsync("wait_for_execution", $$"""{"execution_id":"{{held.Str("execution_id")}}","linked_account_id":"acct_globex"}""");

        Assert.False(waited.IsError, waited.Text());
        Assert.True(waited.Structured().GetProperty("finished").GetBoolean());
        Assert.Equal("COMPLETED", waited.Structured().Str("status"));
    }

    [Fact]
    public async Task RunWorkflow_InputAgainstSchemaWrong_NamesTheFieldAndRunsNothing()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        await using var http = await HttpHarness.StartAsync(upstream, NoConfirm);
        var client = await http.ConnectAsync();
        var before = await RunsOfAsync(client, "66a1f00dbeefcafe00000802");

        var missing = await client.CallAsync("run_workflow", """{"workflow":"escalate urgent ticket","linked_account_id":"acct_globex","input":{}}""");
        var wrongType = await client.CallAsync("run_workflow", """{"workflow":"66a1f00dbeefcafe00000802","linked_account_id":"acct_globex","input":{"ticket_id":4711}}""");
        var unknown = await client.CallAsync("run_workflow", """{"workflow":"No such flow","linked_account_id":"acct_globex"}""");

        Assert.True(missing.IsError);
        Assert.Equal("INVALID_WORKFLOW_INPUT", missing.Structured().Str("error_code"));
        Assert.Equal("input", missing.Structured().Str("argument"));
        Assert.Contains("ticket_id", missing.Structured().Str("message"), StringComparison.Ordinal);
        Assert.True(wrongType.IsError);
        Assert.Contains("ticket_id", wrongType.Structured().Str("message"), StringComparison.Ordinal);
        Assert.True(unknown.IsError);
        Assert.Equal("WORKFLOW_NOT_FOUND", unknown.Structured().Str("error_code"));
        Assert.Contains("Nightly contact sync", unknown.Structured().Str("hint"), StringComparison.Ordinal);
        Assert.Equal(before, await RunsOfAsync(client, "66a1f00dbeefcafe00000802"));
    }

    [Fact]
    public async Task RunWorkflow_ClientCancelsTheWait_TheRunGoesOnToTheEnd()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true, EmulatorSpeed = 4 });
        await using var server = await InMemoryServer.StartAsync(upstream.BaseUrl, upstream.DemoCredential, NoConfirm);
        var client = server.Client;
        await using var progress = ProgressLog.Listen(client, "cancel-1");
        using var cancel = new CancellationTokenSource();

        var run = ProgressLog.CallAsync(client, progress, "run_workflow", $$"""{"workflow":"{{ContactSync}}","linked_account_id":"acct_globex"}""", cancel.Token);
        await progress.UntilAsync("Fetch HubSpot contacts");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var runs = await client.CallAsync("list_executions", """{"linked_account_id":"acct_globex","workflow_id":"66a1f00dbeefcafe00000801","limit":1}""");
        var executionId = runs.Structured().GetProperty("docs")[0].Str("_id");
        var waited = await client.CallAsync("wait_for_execution", $$"""{"execution_id":"{{executionId}}","linked_account_id":"acct_globex","timeout_s":40}""");
        Assert.Equal("COMPLETED", waited.Structured().Str("status"));
    }

    private static async Task<int> RunsOfAsync(McpClient client, string workflowId)
    {
        var runs = await client.CallAsync("list_executions", $$"""{"linked_account_id":"acct_globex","workflow_id":"{{workflowId}}"}""");
        return runs.Structured().GetProperty("totalDocs").GetInt32();
    }
}
