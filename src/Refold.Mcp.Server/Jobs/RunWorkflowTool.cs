using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Jobs;

/// <summary>
/// run_workflow: resolve a published workflow by id, alias or name, check the input against its request structure,
/// start it asynchronously for the linked account and follow it to the end (or to a human task, or the wait's end).
/// </summary>
public sealed class RunWorkflowTool(ToolSet set) : CompositeToolBase(Declared, set, OutputSchema.FollowedRun())
{
    public static CompositeTool Declared { get; } = new()
    {
        Name = "run_workflow",
        Group = Workflows.Group,
        Title = "Run a workflow and follow it",
        Description = "Runs a published workflow: checks the input, follows the run with progress, reports each node and the result; wait_for_execution follows it on.",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        Calls = [Workflows.ListWorkflows, Workflows.GetWorkflowRequestStructure, Workflows.ExecuteWorkflow, Executions.GetExecution],
        Parameters =
        [
            Param.Body("workflow", "_id, workflow_alias or exact name (list_workflows).", required: true),
            Param.RequiredLinkedAccountHeader,
            Param.Body("input", "The workflow's input; {} when none.", ParameterType.Object),
            WaitArgument.Parameter,
            Param.Header("config_id", ""),
            Param.Header("instance_tag", "Label stored on the run."),
        ],
    };

    private readonly int _maxWait = set.Surface.MaxWaitSeconds;

    protected override async Task<CallToolResult> ExecuteAsync(ToolCall call)
    {
        if (WaitArgument.Read(call, Name, _maxWait, out var wait) is { } badWait)
        {
            return badWait;
        }

        var arguments = call.Arguments;
        var account = ServerJson.Text(arguments, "linked_account_id");
        var workflow = await WorkflowResolver.ResolveAsync(call, Name, arguments["workflow"]!.GetValue<string>(), account).ConfigureAwait(false);
        var workflowId = ServerJson.Text(workflow, "_id")!;
        var input = arguments["input"] as JsonObject ?? [];

        var structure = await OperationRunner.SendAsync(call, Workflows.GetWorkflowRequestStructure, ServerJson.WithAccount(new JsonObject { ["workflowId"] = workflowId }, account)).ConfigureAwait(false);
        if (DataSchemaCheck.Problems((structure as JsonObject)?["schema"], input) is { Count: > 0 } problems)
        {
            return ToolResults.Error(new RefoldError
            {
                Kind = RefoldErrorKind.InvalidArgument,
                Outcome = RefoldOutcome.NotSent,
                ErrorCode = "INVALID_WORKFLOW_INPUT",
                Message = $"The input does not match what the workflow '{ServerJson.Text(workflow, "name")}' expects: {string.Join("; ", problems.Select(p => p.Problem))}.",
                Operation = Name,
                Argument = "input",
                Hint = (structure as JsonObject)?["payload"] is JsonObject sample
                    ? $"Nothing was run. A valid input looks like {sample.ToJsonString(ServerJson.Readable)}; get_workflow_request_structure shows the schema."
                    : "Nothing was run. get_workflow_request_structure shows the schema the input must match.",
            });
        }

        var execute = ServerJson.WithAccount(new JsonObject
        {
            ["workflowId"] = workflowId,
            ["slug"] = ServerJson.Text(workflow, "slug"),
            ["sync_execution"] = "false",
            ["payload"] = input.DeepClone(),
        }, account);
        foreach (var header in new[] { "config_id", "instance_tag" })
        {
            if (ServerJson.Text(arguments, header) is { } value)
            {
                execute[header] = value;
            }
        }

        var started = await OperationRunner.SendAsync(call, Workflows.ExecuteWorkflow, execute).ConfigureAwait(false);
        var executionId = ServerJson.Text(started as JsonObject, "execution_id")
            ?? throw new RefoldApiException(new RefoldError
            {
                Kind = RefoldErrorKind.InvalidResponse,
                Message = "Refold accepted the run but did not say which execution it started.",
                Operation = Name,
                Hint = $"Do not run it again: list_executions with workflow_id '{workflowId}' shows the run it started.",
            });

        var total = (workflow["nodes"] as JsonArray)?.Count;
        return await new ExecutionFollower(call, executionId, account, total).FollowAsync(wait).ConfigureAwait(false);
    }
}
