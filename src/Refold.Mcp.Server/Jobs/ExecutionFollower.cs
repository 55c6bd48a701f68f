using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Operations;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Jobs;

/// <summary>
/// Follows one execution until it finishes, reaches a human task or the wait runs out: polls get_execution through
/// the session's client (so the org's shared limiter), at most about once a second and less often as the wait goes
/// on, and sends one awaited progress notification per node that changes status. Cancelling stops the wait, never
/// the run.
/// </summary>
public sealed class ExecutionFollower(ToolCall call, string executionId, string? account, int? totalNodes)
{
    /// <summary>Pauses between reads: one second at first, backing off to five.</summary>
    private static readonly TimeSpan[] s_backoff = [.. new[] { 1, 1, 1, 2, 2, 3, 3, 5 }.Select(s => TimeSpan.FromSeconds(s))];

    private readonly Dictionary<string, string?> _seen = new(StringComparer.Ordinal);
    private double _progress;

    /// <summary>Reads the execution once now and then until it settles or <paramref name="wait"/> has passed.</summary>
    public async Task<CallToolResult> FollowAsync(TimeSpan wait)
    {
        var time = call.Time;
        var started = time.GetTimestamp();
        for (var read = 0; ; read++)
        {
            var execution = await ReadAsync().ConfigureAwait(false);
            await ReportChangesAsync(execution).ConfigureAwait(false);

            var status = ServerJson.Text(execution, "status");
            if (ExecutionReport.IsFinished(status))
            {
                return Result(execution, finished: true, time.GetElapsedTime(started));
            }

            if (ExecutionReport.WaitingHumanTask(execution) is { } node)
            {
                return await HumanTaskResultAsync(execution, node, time.GetElapsedTime(started)).ConfigureAwait(false);
            }

            var left = wait - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return Result(execution, finished: false, time.GetElapsedTime(started));
            }

            var pause = s_backoff[Math.Min(read, s_backoff.Length - 1)];
            await Task.Delay(pause < left ? pause : left, time, call.CancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> ReadAsync()
    {
        var arguments = ServerJson.WithAccount(new JsonObject { ["execution_id"] = executionId }, account);
        return await OperationRunner.SendAsync(call, Executions.GetExecution, arguments).ConfigureAwait(false) as JsonObject ?? [];
    }

    private async Task ReportChangesAsync(JsonObject execution)
    {
        var nodes = ExecutionReport.Nodes(execution).OfType<JsonObject>().ToList();
        var done = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var id = ServerJson.Text(node, "node_id") ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var status = ServerJson.Text(node, "node_status");
            var nodeDone = ExecutionReport.IsNodeDone(status);
            done += nodeDone ? 1 : 0;
            if (_seen.TryGetValue(id, out var before) && before == status)
            {
                continue;
            }

            _seen[id] = status;

            // Progress grows with every notification, as MCP requires: nodes done up to this one, a half for a node
            // still running, and never less than a step above the last value sent.
            var value = Math.Max(done + (nodeDone ? 0 : 0.5), _progress + 0.01);
            _progress = value;
            var position = totalNodes is { } total ? $"{i + 1}/{total}" : $"{i + 1}";
            var error = ExecutionReport.Error(node) is { } e ? $" ({(e.Length > 120 ? e[..120] + "…" : e)})" : "";
            await call.ReportProgressAsync(value, totalNodes, $"{position} {ServerJson.Text(node, "node_name") ?? id}: {status ?? "unknown"}{error}").ConfigureAwait(false);
        }
    }

    private CallToolResult Result(JsonObject execution, bool finished, TimeSpan waited, JsonObject? extra = null)
    {
        var status = ServerJson.Text(execution, "status");
        var result = new JsonObject
        {
            ["execution_id"] = executionId,
            ["workflow"] = (execution["associated_workflow"] as JsonObject)?.DeepClone(),
            ["linked_account_id"] = ServerJson.Text(execution, "linked_account_id"),
            ["status"] = status,
            ["finished"] = finished,
            ["completion_percentage"] = execution["completion_percentage"]?.DeepClone(),
            ["waited_s"] = Math.Round(waited.TotalSeconds, 1),
            ["nodes"] = ExecutionReport.NodeOutcomes(execution),
        };
        if (finished && execution["return_value"] is { } returned)
        {
            result["return_value"] = returned.DeepClone();
        }

        if (ExecutionReport.Nodes(execution).OfType<JsonObject>().FirstOrDefault(n => ExecutionReport.Error(n) is not null) is { } failed)
        {
            result["failed_node"] = new JsonObject
            {
                ["node_id"] = ServerJson.Text(failed, "node_id"),
                ["name"] = ServerJson.Text(failed, "node_name"),
                ["error"] = ExecutionReport.Error(failed),
            };
        }

        foreach (var (key, value) in extra ?? [])
        {
            result[key] = value?.DeepClone();
        }

        result["next"] = finished
            ? $"Done. Full node inputs and outputs: get_execution with execution_id '{executionId}'."
            : result["waiting_for"] is null
                ? $"Still running: call wait_for_execution with execution_id '{executionId}' to keep following it (the run goes on meanwhile)."
                : result["next"]?.GetValue<string>();
        return ToolResults.Success(result);
    }

    private async Task<CallToolResult> HumanTaskResultAsync(JsonObject execution, JsonObject node, TimeSpan waited)
    {
        var taskId = ExecutionReport.HumanTaskId(node);
        var task = new JsonObject { ["id"] = taskId, ["node"] = ServerJson.Text(node, "node_name") };
        if (taskId is not null && call.Session.Tools.Reaches(HumanTasks.GetHumanTask))
        {
            var form = await OperationRunner.SendAsync(call, HumanTasks.GetHumanTask, new JsonObject { ["id"] = taskId }).ConfigureAwait(false) as JsonObject;
            foreach (var key in new[] { "name", "description", "status", "form_structure", "data", "expire_in" })
            {
                if (form?[key] is { } value)
                {
                    task[key] = value.DeepClone();
                }
            }
        }

        return Result(execution, finished: false, waited, new JsonObject
        {
            ["waiting_for"] = "human_task",
            ["human_task"] = task,
            ["next"] = $"The run waits for a person: answer with submit_human_task (id '{taskId}', data matching form_structure), then call wait_for_execution with execution_id '{executionId}'.",
        });
    }
}
