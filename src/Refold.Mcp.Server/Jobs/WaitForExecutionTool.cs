using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Operations;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Jobs;

/// <summary>wait_for_execution: follow a run that already exists, with the same progress and report as run_workflow.</summary>
public sealed class WaitForExecutionTool(ToolSet set) : CompositeToolBase(Declared, set, OutputSchema.FollowedRun())
{
    public static CompositeTool Declared { get; } = new()
    {
        Name = "wait_for_execution",
        Group = Executions.Group,
        Title = "Wait for an execution",
        Description = "Follows an existing run (from run_workflow or list_executions) to its end or a human task, with progress.",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Calls = [Executions.GetExecution],
        Parameters =
        [
            Param.Body("execution_id", "", required: true),
            Param.LinkedAccountHeader,
            WaitArgument.Parameter,
        ],
    };

    private readonly int _maxWait = set.Surface.MaxWaitSeconds;

    protected override async Task<CallToolResult> ExecuteAsync(ToolCall call)
    {
        if (WaitArgument.Read(call, Name, _maxWait, out var wait) is { } badWait)
        {
            return badWait;
        }

        var executionId = call.Arguments["execution_id"]!.GetValue<string>();
        var account = ServerJson.Text(call.Arguments, "linked_account_id");

        // The workflow's node count is not on the execution: progress counts the nodes reached so far.
        return await new ExecutionFollower(call, executionId, account, totalNodes: null).FollowAsync(wait).ConfigureAwait(false);
    }
}
