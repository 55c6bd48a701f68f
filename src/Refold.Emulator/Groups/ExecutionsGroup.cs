using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Core;
using Refold.Emulator.Engine;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Executions: list and filter runs, read one with its nodes, page a batch node's batches, stop (RUNNING → STOPPING →
/// STOPPED) and rerun (a new execution with the same payload). A linked account (token, header or query) sees only
/// its own runs; an org key without one sees the whole org's.
/// </summary>
internal sealed class ExecutionsGroup : EmulatorGroup
{
    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Executions.ListExecutions, List);
        routes.Map(Ops.Executions.GetExecution, req => Executions.View(Find(req, req.Route("execution_id"))));
        routes.Map(Ops.Executions.ListExecutionNodeBatches, NodeBatches);
        routes.Map(Ops.Executions.StopExecution, Stop);
        routes.Map(Ops.Executions.RerunExecution, Rerun);
        routes.Map(Ops.Executions.ListWorkflowExecutionNodeBatches, WorkflowBatches);
    }

    public override void Seed(DemoSeed seed) => DemoWorkflows.SeedExecutions(seed);

    private static EmulatorResult List(EmulatorRequest req)
    {
        var account = WorkflowsGroup.Account(req);
        var status = req.Query("status") is { } s && !s.Equals("All", StringComparison.OrdinalIgnoreCase) ? s : null;
        var slugs = req.Query("slug")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var workflowId = req.Query("workflow_id");
        var workflowName = req.Query("workflow_name");
        var executionId = req.Query("execution_id");
        var type = req.Query("execution_type") is { } t && !t.Equals("All", StringComparison.OrdinalIgnoreCase) ? t : null;
        var source = Source(req.Query("execution_source"));
        var from = WorkflowsGroup.Date(req, "start_date");
        var to = WorkflowsGroup.Date(req, "end_date");
        var runs = Executions.Of(req.Data).Find(e =>
                (account is null || Doc.Is(e, "linked_account_id", account))
                && (status is null || Doc.Is(e, "status", status))
                && (slugs is null || slugs.Contains(e.Str("slug") ?? ""))
                && (workflowId is null || Doc.Is((JsonObject)e["associated_workflow"]!, "_id", workflowId))
                && (workflowName is null || (e["associated_workflow"].Str("name") ?? "").Contains(workflowName, StringComparison.OrdinalIgnoreCase))
                && (executionId is null || Doc.Is(e, "_id", executionId))
                && (type is null || Doc.Is(e, "type_of_execution", type))
                && (source is null || Doc.Is(e, "trigger_application_event", source))
                && WorkflowsGroup.InRange(e, from, to))
            .Select((e, index) => (Execution: e, Index: index))
            .ToList();
        var ordered = req.Query("sortAsc") == "true"
            ? runs.OrderBy(r => r.Execution.Str("createdAt"), StringComparer.Ordinal).ThenBy(r => r.Index)
            : runs.OrderByDescending(r => r.Execution.Str("createdAt"), StringComparer.Ordinal).ThenByDescending(r => r.Index);
        return Paging.Page(req, [.. ordered.Select(r => (JsonNode?)Executions.View(r.Execution, withNodes: false))]);
    }

    private static EmulatorResult NodeBatches(EmulatorRequest req)
    {
        var execution = Find(req, req.Route("execution_id"));
        var nodeId = req.Route("node_id");
        var node = (execution["nodes"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(n => n.Str("node_id") == nodeId)
            ?? throw req.NotFound($"Node {nodeId} has not run in execution {execution.Str("_id")}");
        if (node.Bool("is_batch") != true)
        {
            throw req.Error(501, "SERVER_ERROR", "Batch details are not yet available for this execution type");
        }

        var status = req.Query("status");
        var batches = req.Data.Collection(Executions.BatchCollection)
            .Find(b => Doc.Is(b, "execution_id", execution.Str("_id")) && Doc.Is(b, "node_id", nodeId) && (status is null || Doc.Is(b, "status", status)))
            .Select(b => (JsonNode?)b)
            .ToList();
        return Paging.Page(req, batches);
    }

    private static EmulatorResult Stop(EmulatorRequest req)
    {
        var execution = Find(req, req.Route("instanceId"));
        var status = execution.Str("status");
        if (status == Executions.Running)
        {
            req.Services.GetRequiredService<WorkflowEngine>().RequestStop(req.Data, execution.Str("_id")!);
        }
        else if (status != Executions.Stopping)
        {
            throw req.BadRequest($"Execution {execution.Str("_id")} is not running (status {status})");
        }

        return new JsonObject { ["message"] = "Stopping instance" };
    }

    private static EmulatorResult Rerun(EmulatorRequest req)
    {
        var execution = Find(req, req.Route("instanceId"));
        var status = execution.Str("status");
        if (status is not (Executions.Errored or Executions.Stopped or Executions.TimedOut))
        {
            throw req.BadRequest($"Only failed, stopped or timed-out executions can be rerun; {execution.Str("_id")} is {status}");
        }

        var workflowId = execution["associated_workflow"].Str("_id")!;
        var workflow = Workflows.Of(req.Data).Get(workflowId)
            ?? throw req.NotFound($"Workflow {workflowId} of this execution no longer exists");
        if (workflow.Bool("published") != true)
        {
            throw req.BadRequest($"Workflow {workflowId} is not published; publish it before rerunning its executions", "INVALID_WORKFLOW_ID");
        }

        var rerun = req.Services.GetRequiredService<WorkflowEngine>().Start(req.Data, new Executions.StartRequest
        {
            Workflow = workflow,
            LinkedAccountId = execution.Str("linked_account_id")!,
            ConfigId = execution.Str("config_id"),
            Source = execution.Str("trigger_application_event") ?? Executions.ByApiCall,
            Payload = Executions.Payload(execution)?.DeepClone(),
            InstanceTag = execution.Str("instance_tag"),
            EventId = execution.Str("associated_event_id"),
            RerunOf = execution.Str("_id"),
        });
        return new JsonObject { ["status"] = "success", ["id"] = rerun.Str("_id") };
    }

    private static EmulatorResult WorkflowBatches(EmulatorRequest req)
    {
        var workflowId = req.Route("workflowId");
        var account = req.Route("linkedAccountId");
        req.FindLinkedAccount(account);
        if (Workflows.Of(req.Data).Get(workflowId) is null)
        {
            throw req.NotFound("Workflow not found");
        }

        var batches = req.Data.Collection(Executions.BatchCollection)
            .Find(b => Doc.Is(b, "workflow_id", workflowId) && Doc.Is(b, "linked_account_id", account))
            .Select(b => (JsonNode?)b)
            .ToList();
        return Paging.Page(req, batches);
    }

    /// <summary>The execution with this id that the caller's linked account (if any) owns; 404 otherwise.</summary>
    private static JsonObject Find(EmulatorRequest req, string id)
    {
        var account = WorkflowsGroup.Account(req);
        return Executions.Of(req.Data).FindOne(e => Doc.Is(e, "_id", id) && (account is null || Doc.Is(e, "linked_account_id", account)))
            ?? throw req.NotFound("Execution not found");
    }

    // The spec's filter values (API_CALL, SCHEDULE, Event) and the older docs' (API Call, Schedule, Event, All).
    private static string? Source(string? filter) => filter?.ToUpperInvariant() switch
    {
        null or "ALL" => null,
        "API_CALL" or "API CALL" => Executions.ByApiCall,
        "SCHEDULE" => Executions.BySchedule,
        "EVENT" => Executions.ByEvent,
        _ => filter,
    };
}
