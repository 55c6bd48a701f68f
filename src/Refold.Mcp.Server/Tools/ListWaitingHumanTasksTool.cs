using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Operations;
using Refold.Mcp.Server.Jobs;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Refold has no operation that lists human tasks: a waiting one is a node of a RUNNING execution whose status is
/// Waiting and whose output names the task. This reads the running executions and each one's nodes to find them.
/// </summary>
public sealed class ListWaitingHumanTasksTool(ToolSet set) : CompositeToolBase(Declared, set,
    OutputSchema.Members(("tasks", "array"), ("runs_checked", "integer"), ("more_runs", "boolean")))
{
    private const int DefaultRuns = 20;
    private const int MaxRuns = 50;

    public static CompositeTool Declared { get; } = new()
    {
        Name = "list_waiting_human_tasks",
        Group = HumanTasks.Group,
        Title = "List waiting human tasks",
        Description = "Finds the human-task forms runs wait on (Refold cannot list them) by checking RUNNING executions.",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Calls = [Executions.ListExecutions, Executions.GetExecution],
        Parameters =
        [
            Param.LinkedAccountHeader with { Description = "Only this linked account's runs; with an org key, omit it for every account." },
            Param.Query("limit", $"Running runs to check, newest first (one call each; default {DefaultRuns}, max {MaxRuns}).", ParameterType.Integer),
        ],
    };

    protected override async Task<CallToolResult> ExecuteAsync(ToolCall call)
    {
        var limit = call.Arguments["limit"]?.GetValue<int>() ?? DefaultRuns;
        if (limit is < 1 or > MaxRuns)
        {
            return CatalogArguments.Invalid(Name, "limit", $"'limit' must be from 1 to {MaxRuns}, got {limit}");
        }

        var search = new JsonObject { ["status"] = "RUNNING", ["limit"] = limit };
        if (call.Arguments["linked_account_id"] is { } account)
        {
            search["linked_account_id"] = account.DeepClone();
        }

        var page = await OperationRunner.SendAsync(call, Executions.ListExecutions, search).ConfigureAwait(false);
        var runs = (page as JsonObject)?["docs"] as JsonArray ?? [];
        var tasks = new JsonArray();
        foreach (var run in runs.OfType<JsonObject>())
        {
            if (ServerJson.Text(run, "_id") is not { } runId)
            {
                continue;
            }

            var read = new JsonObject { ["execution_id"] = runId };
            if (run["linked_account_id"] is { } owner)
            {
                read["linked_account_id"] = owner.DeepClone();
            }

            var execution = await OperationRunner.SendAsync(call, Executions.GetExecution, read).ConfigureAwait(false);
            foreach (var node in ((execution as JsonObject)?["nodes"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (ServerJson.Text(node, "node_status") == "Waiting" && node["latest_output"] is JsonObject output && output["human_task_id"] is { } taskId)
                {
                    tasks.Add((JsonNode)new JsonObject
                    {
                        ["human_task_id"] = taskId.DeepClone(),
                        ["execution_id"] = run["_id"]?.DeepClone(),
                        ["workflow"] = (run["associated_workflow"] as JsonObject)?["name"]?.DeepClone(),
                        ["linked_account_id"] = run["linked_account_id"]?.DeepClone(),
                        ["node"] = node["node_name"]?.DeepClone() ?? node["node_id"]?.DeepClone(),
                        ["expire_in"] = output["expire_in"]?.DeepClone(),
                    });
                }
            }
        }

        return ToolResults.Success(new JsonObject
        {
            ["tasks"] = tasks,
            ["runs_checked"] = runs.Count,
            ["more_runs"] = page?["hasNextPage"]?.DeepClone() ?? false,
        }, call.Session.Tools.Surface.Budget);
    }
}
