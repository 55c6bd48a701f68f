using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Jobs;

/// <summary>
/// What an agent needs from an execution document, compactly: the overall state and each node's outcome (status,
/// attempts, error). Full node inputs and outputs stay in get_execution.
/// </summary>
public static class ExecutionReport
{
    /// <summary>Run states after which nothing more happens.</summary>
    public static bool IsFinished(string? status) => status is not ("RUNNING" or "STOPPING" or "QUEUED" or null);

    /// <summary>Node states after which that node does nothing more.</summary>
    public static bool IsNodeDone(string? status) => status is "Success" or "Errored" or "Errored_and_Skipped" or "Stopped" or "Rejected" or "Timed_Out";

    public static JsonArray Nodes(JsonObject execution) => execution["nodes"] as JsonArray ?? [];

    /// <summary>The node that waits for a person's answer, if the run is held at one.</summary>
    public static JsonObject? WaitingHumanTask(JsonObject execution) =>
        Nodes(execution).OfType<JsonObject>().FirstOrDefault(n => ServerJson.Text(n, "node_type") == "human_task" && ServerJson.Text(n, "node_status") == "Waiting");

    public static string? HumanTaskId(JsonObject node) => ServerJson.Text(node["latest_output"] as JsonObject, "human_task_id") ?? ServerJson.Text(node["input_data"] as JsonObject, "human_task_id");

    /// <summary>One line per node: {node_id, name, type, status, attempts, max_attempts, error?}.</summary>
    public static JsonArray NodeOutcomes(JsonObject execution)
    {
        var outcomes = new JsonArray();
        foreach (var node in Nodes(execution).OfType<JsonObject>())
        {
            var outcome = new JsonObject
            {
                ["node_id"] = ServerJson.Text(node, "node_id"),
                ["name"] = ServerJson.Text(node, "node_name"),
                ["type"] = ServerJson.Text(node, "node_type"),
                ["status"] = ServerJson.Text(node, "node_status"),
                ["attempts"] = node["attempts_made"]?.DeepClone(),
                ["max_attempts"] = node["maximum_attempts"]?.DeepClone(),
            };
            if (Error(node) is { } error)
            {
                outcome["error"] = error;
            }

            outcomes.Add((JsonNode)outcome);
        }

        return outcomes;
    }

    /// <summary>The error text a failed node left, cut to a readable length.</summary>
    public static string? Error(JsonObject node)
    {
        if (ServerJson.Text(node, "node_status") is not ("Errored" or "Errored_and_Skipped" or "Timed_Out" or "Rejected"))
        {
            return null;
        }

        var output = node["latest_output"];
        var error = output is JsonObject o ? o["error"] ?? o["message"] : output;
        var text = error is null ? null : error.GetValueKind() == JsonValueKind.String ? error.GetValue<string>() : error.ToJsonString();
        return text is null ? null : text.Length > 500 ? text[..500] + "…" : text;
    }
}
