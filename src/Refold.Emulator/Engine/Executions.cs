using System.Text.Json.Nodes;
using Refold.Emulator.State;

namespace Refold.Emulator.Engine;

/// <summary>
/// Execution (instance) documents in <see cref="Collections.Executions"/>: what a run shows through the API (status,
/// per-node results, return value) plus the engine's private <see cref="EngineKey"/> state (the node plan snapshot,
/// cursor, next wake-up, trigger payload), which is persisted so a restarted emulator carries on.
/// </summary>
internal static class Executions
{
    public const string Running = "RUNNING";
    public const string Completed = "COMPLETED";
    public const string Errored = "ERRORED";
    public const string Stopped = "STOPPED";
    public const string Stopping = "STOPPING";
    public const string TimedOut = "TIMED_OUT";

    /// <summary>Values of <c>trigger_application_event</c>: how a run was started.</summary>
    public const string ByApiCall = "API Call";
    public const string BySchedule = "Schedule";
    public const string ByEvent = "Event";

    public const string EngineKey = "_engine";

    /// <summary>Batch records of batch nodes: {execution_id, node_id, workflow_id, linked_account_id, batch_index, status, output}.</summary>
    public const string BatchCollection = "execution_batches";

    public static DocumentCollection Of(Partition partition) => partition.Collection(Collections.Executions);

    public static bool IsActive(string? status) => status is Running or Stopping;

    /// <summary>How to start a run of a published parent workflow.</summary>
    public sealed record StartRequest
    {
        public required JsonObject Workflow { get; init; }

        public required string LinkedAccountId { get; init; }

        public string? ConfigId { get; init; }

        public string Source { get; init; } = ByApiCall;

        public bool Sync { get; init; }

        public JsonNode? Payload { get; init; }

        public JsonObject? Headers { get; init; }

        public string? InstanceTag { get; init; }

        public string? EventId { get; init; }

        public string? RerunOf { get; init; }
    }

    /// <summary>A new RUNNING execution of <see cref="StartRequest.Workflow"/>, due to take its first step at <paramref name="now"/>.</summary>
    public static JsonObject New(StartRequest start, DateTimeOffset now)
    {
        var workflow = start.Workflow;
        var workflowId = workflow.Str("_id")!;
        var engine = new JsonObject
        {
            ["plan"] = new JsonArray([.. Workflows.Plan(workflow).Select(n => (JsonNode)n.DeepClone())]),
            ["cursor"] = 0,
            ["wake_ms"] = now.ToUnixTimeMilliseconds(),
            ["payload"] = start.Payload?.DeepClone() ?? new JsonObject(),
        };
        if (start.Headers is not null)
        {
            engine["headers"] = start.Headers.DeepClone();
        }

        if (Numbers.Long(workflow["settings"]?["timeout"]) is { } seconds && seconds > 0)
        {
            engine["deadline_ms"] = now.AddSeconds(seconds).ToUnixTimeMilliseconds();
        }

        var execution = new JsonObject
        {
            ["name"] = $"Execution for workflow {workflowId}",
            ["org_id"] = workflow.Str("org_id"),
            ["environment"] = workflow.Str("environment"),
            ["status"] = Running,
            ["completion_percentage"] = 0,
            ["associated_application"] = new JsonObject
            {
                ["_id"] = workflow.Str("associated_application"),
                ["name"] = AppName(workflow),
                ["icon"] = workflow.Str("icon") ?? "",
            },
            ["associated_workflow"] = new JsonObject { ["_id"] = workflowId, ["name"] = workflow.Str("name"), ["icon"] = workflow.Str("icon") ?? "" },
            ["slug"] = workflow.Str("slug"),
            ["trigger_application_event"] = start.Source,
            ["linked_account_id"] = start.LinkedAccountId,
            ["config_id"] = start.ConfigId ?? start.LinkedAccountId,
            ["type_of_execution"] = start.Sync ? "SYNC" : "ASYNC",
            ["executed_by_thanos"] = false,
            ["is_child_instance"] = false,
            ["nodes"] = new JsonArray(),
            [EngineKey] = engine,
            ["createdAt"] = EmulatorState.Iso(now),
        };
        if (start.EventId is not null)
        {
            execution["associated_event_id"] = start.EventId;
        }

        if (start.InstanceTag is not null)
        {
            execution["instance_tag"] = start.InstanceTag;
        }

        if (start.RerunOf is not null)
        {
            execution["rerun_of"] = start.RerunOf;
        }

        return execution;
    }

    /// <summary>An execution as get_execution shows it; lists leave out the nodes.</summary>
    public static JsonObject View(JsonObject execution, bool withNodes = true)
    {
        var view = Internal.Strip(execution);
        if (!withNodes)
        {
            view.Remove("nodes");
        }

        return view;
    }

    /// <summary>The trigger payload the run was started with (a rerun replays it).</summary>
    public static JsonNode? Payload(JsonObject execution) => execution[EngineKey]?["payload"];

    /// <summary>When the engine should next look at the run (unix ms), or null when it waits for nobody.</summary>
    public static long? WakeMs(JsonObject execution) =>
        Numbers.Long(execution[EngineKey]?["wake_ms"]);

    private static string AppName(JsonObject workflow) =>
        Seed.DemoApps.Find(workflow.Str("slug") ?? "")?.Name ?? workflow.Str("slug") ?? "";
}
