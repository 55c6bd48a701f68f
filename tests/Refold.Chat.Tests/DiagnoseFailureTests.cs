using Refold.Chat.Tests.Support;

namespace Refold.Chat.Tests;

/// <summary>"Why did the escalation fail?": the model finds the failed run through the real tools and explains it from the failed node.</summary>
public sealed class DiagnoseFailureTests
{
    private const string EscalationRun = "66a1f00dbeefcafe00000902";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Prompt_WhyDidTheEscalationFail_AnswerNamesFailedNodeAndErrorAsEmulatorHasThem(bool stream)
    {
        await using var model = await ModelEndpoint.StartAsync(Script);
        var run = ChatRun.Start([.. model.Args(stream ? [] : ["--no-stream"]), "--prompt", "why did the escalation fail?", .. ChatRun.OnEmulator]);

        var exit = await run.ExitAsync();
        var expected = (await SeededEmulator.GetExecutionAsync(EscalationRun)).GetProperty("execution_error");
        var transcript = run.Transcript(stream ? "diagnose-failure" : "diagnose-failure-no-stream");

        Assert.True(exit == 0, run.Errors);
        Assert.Contains("→ list_executions(status: ERRORED)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"→ get_execution(execution_id: {EscalationRun})", run.Output, StringComparison.Ordinal);
        Assert.Contains($"failed at node \"{expected.Str("node_name")}\"", run.Output, StringComparison.Ordinal);
        Assert.Contains(expected.Str("message")!, run.Output, StringComparison.Ordinal);

        // The model got the MCP tools as they are, and our system prompt.
        var first = model.Requests.First();
        Assert.Equal(stream, first.Stream);
        Assert.Contains("get_execution", first.ToolNames);
        Assert.Contains("run_workflow", first.Messages.First().GetProperty("content").ToString(), StringComparison.Ordinal);

        Assert.Equal(["list_executions", "get_execution"], transcript.OfType("tool_call").Select(l => l.Str("name")));
        Assert.All(transcript.OfType("tool_result"), l => Assert.False(l.GetProperty("is_error").GetBoolean()));
        var end = Assert.Single(transcript.OfType("turn_end"));
        Assert.Equal("completed", end.Str("outcome"));
        Assert.Equal(2, end.GetProperty("tool_calls").GetInt32());
        Assert.Equal(3, end.GetProperty("model_requests").GetInt32());
        Assert.True(end.GetProperty("tool_definition_tokens").GetInt64() > 0);
        Assert.True(end.GetProperty("usage").GetProperty("input_tokens").GetInt64() > 0);
    }

    // A model that reads what the tools return: list the failed runs, open the escalation's, explain its failed node.
    private static ModelReply Script(ModelRequest request)
    {
        if (request.ToolResult("get_execution") is { } execution)
        {
            var failed = execution.GetProperty("nodes").EnumerateArray().First(n => n.Str("node_status") == "Errored");
            var workflow = execution.GetProperty("associated_workflow").Str("name");
            return new ModelReply.Text(
                $"The run {execution.Str("_id")} of \"{workflow}\" failed at node \"{failed.Str("node_name")}\" after " +
                $"{failed.GetProperty("attempts_made").GetInt32()} attempts: {failed.GetProperty("latest_output").Str("error")}");
        }

        if (request.ToolResult("list_executions") is { } runs)
        {
            var escalation = runs.GetProperty("docs").EnumerateArray()
                .First(r => r.GetProperty("associated_workflow").Str("name")!.Contains("Escalat", StringComparison.OrdinalIgnoreCase));
            return new ModelReply.ToolCall("get_execution", $$"""{"execution_id":"{{escalation.Str("_id")}}"}""");
        }

        return new ModelReply.ToolCall("list_executions", """{"status":"ERRORED"}""");
    }
}
