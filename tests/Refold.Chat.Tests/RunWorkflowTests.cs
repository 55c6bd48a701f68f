using System.Text.Json;
using Refold.Api.Operations;
using Refold.Chat.Tests.Support;

namespace Refold.Chat.Tests;

/// <summary>"Run the contact sync for Globex": account, workflow, run_workflow with live progress, a node-by-node report.</summary>
public sealed class RunWorkflowTests
{
    [Fact]
    public async Task Chat_RunContactSyncForGlobex_ProgressLinesAndAnswerHoldsEachNodeOfTheExecution()
    {
        await using var model = await ModelEndpoint.StartAsync(Script);
        var run = ChatRun.Start([.. model.Args(), .. ChatRun.OnEmulator, "--", "--emulator-speed", "8"]);
        await run.WaitForPromptAsync();
        // The server asks before it starts the run (execute_workflow is destructive); the person answers "y".
        run.Input.Type("run the contact sync for Globex", "y");

        // The turn is over when the app asks for the next request; the run's record is read while its emulator lives.
        await run.WaitForPromptAsync();
        var transcript = run.Transcript("run-contact-sync");
        var executionId = transcript.OfType("tool_result").Single(l => l.Str("name") == "run_workflow").GetProperty("result").Str("execution_id")!;
        JsonElement execution;
        await using (var emulator = EmulatorClient.FromBanner(run.Errors))
        {
            execution = await emulator.SendAsync(Executions.GetExecution, new() { ["execution_id"] = executionId, ["linked_account_id"] = "acct_globex" });
        }

        run.Input.End();
        Assert.Equal(0, await run.ExitAsync());

        Assert.Equal(["list_linked_accounts", "list_workflows", "run_workflow"], transcript.OfType("tool_call").Select(l => l.Str("name")));
        Assert.Contains("→ run_workflow(workflow: 66a1f00dbeefcafe00000801, linked_account_id: acct_globex, input: {\"mode\":\"full\"})", run.Output, StringComparison.Ordinal);
        Assert.Contains(run.Output.Split('\n'), l => l.StartsWith("  … ", StringComparison.Ordinal) && l.Contains("/5 ", StringComparison.Ordinal));
        Assert.NotEmpty(transcript.OfType("progress"));
        Assert.Equal("accept", Assert.Single(transcript.OfType("confirmation")).Str("action"));

        Assert.Equal("COMPLETED", execution.Str("status"));
        Assert.Contains($"Nightly contact sync for Globex Corp: COMPLETED ({executionId})", run.Output, StringComparison.Ordinal);
        foreach (var node in execution.GetProperty("nodes").EnumerateArray())
        {
            Assert.Contains($"- {node.Str("node_name")}: {node.Str("node_status")}, {node.GetProperty("attempts_made").GetInt32()} attempt(s)", run.Output, StringComparison.Ordinal);
        }
    }

    // A model that reads the tool results: find Globex, find the contact sync, run it, report each node.
    private static ModelReply Script(ModelRequest request)
    {
        if (request.ToolResult("run_workflow") is { } report)
        {
            var nodes = report.GetProperty("nodes").EnumerateArray()
                .Select(n => $"- {n.Str("name")}: {n.Str("status")}, {n.GetProperty("attempts").GetInt32()} attempt(s){(n.Str("error") is { } e ? $": {e}" : "")}");
            var account = request.ToolResult("list_linked_accounts")!.Value.GetProperty("docs").EnumerateArray().First(IsGlobex).Str("name");
            return new ModelReply.Text($"{report.GetProperty("workflow").Str("name")} for {account}: {report.Str("status")} ({report.Str("execution_id")})\n{string.Join('\n', nodes)}");
        }

        if (request.ToolResult("list_workflows") is { } workflows)
        {
            var account = request.ToolResult("list_linked_accounts")!.Value.GetProperty("docs").EnumerateArray().First(IsGlobex).Str("account_id");
            var sync = workflows.GetProperty("docs").EnumerateArray().First(w => w.Str("name")!.Contains("contact sync", StringComparison.OrdinalIgnoreCase));
            return new ModelReply.ToolCall("run_workflow", $$$"""{"workflow":"{{{sync.Str("_id")}}}","linked_account_id":"{{{account}}}","input":{"mode":"full"}}""");
        }

        return request.ToolResult("list_linked_accounts") is null
            ? new ModelReply.ToolCall("list_linked_accounts", "{}")
            : new ModelReply.ToolCall("list_workflows", "{}");
    }

    private static bool IsGlobex(JsonElement account) => account.Str("name")!.Contains("Globex", StringComparison.Ordinal);
}
