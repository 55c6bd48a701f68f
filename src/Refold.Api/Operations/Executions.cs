using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Executions: TODO one line.</summary>
public static class Executions
{
    public static OperationGroup Group { get; } = new("executions", "Executions", "TODO");

    public static Operation ListExecutions { get; } = new()
    {
        Name = "list_executions",
        Group = Group,
        Title = "TODO",
        Description = "Page through workflow runs (instances) of a linked account, newest first, with many filters.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/execution",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
            Param.Query("status", "COMPLETED | ERRORED | RUNNING | STOPPED | STOPPING | TIMED_OUT | All (default)."),
            Param.Query("slug", "Comma-separated app slugs."),
            Param.Query("workflow_id", "Filter by workflow."),
            Param.Query("workflow_name", "Partial name match."),
            Param.Query("execution_id", "Single execution."),
            Param.Query("start_date", "Created on/after (YYYY-MM-DD or ISO)."),
            Param.Query("end_date", "Created on/before."),
            Param.Query("execution_type", "SYNC | ASYNC | All."),
            Param.Query("execution_source", "Spec enum: API_CALL | SCHEDULE | Event. v2 docs/SDK: 'API Call' | 'Schedule' | 'Event' | 'All'. Accept both."),
            Param.Query("sortAsc", "'true' for oldest first."),
        ],
    };

    public static Operation GetExecution { get; } = new()
    {
        Name = "get_execution",
        Group = Group,
        Title = "TODO",
        Description = "Full detail of one run, including per-node status, attempts, timing, input and latest output (nodes ordered by entry time).",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/execution/{execution_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("execution_id", "Execution (instance) id."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation ListExecutionNodeBatches { get; } = new()
    {
        Name = "list_execution_node_batches",
        Group = Group,
        Title = "TODO",
        Description = "Page through the batch sub-runs of a looping/batch node within an execution.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/execution/{execution_id}/nodes/{node_id}/batches",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Path("execution_id", "Execution id."),
            Param.Path("node_id", "Node id inside the workflow."),
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
            Param.Query("status", "Filter batches by status."),
        ],
    };

    public static Operation StopExecution { get; } = new()
    {
        Name = "stop_execution",
        Group = Group,
        Title = "TODO",
        Description = "Ask a running execution to stop; the request is queued and acknowledged at once (status moves through STOPPING to STOPPED).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/execution/{instanceId}/stop",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("instanceId", "Execution id."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation RerunExecution { get; } = new()
    {
        Name = "rerun_execution",
        Group = Group,
        Title = "TODO",
        Description = "Start a brand-new execution that replays a failed or stopped run with its original trigger payload.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/execution/{instanceId}/rerun",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        Parameters =
        [
            Param.Path("instanceId", "Execution id to replay."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation GetExecutionResponse { get; } = new()
    {
        Name = "get_execution_response",
        Group = Group,
        Title = "TODO",
        Description = "Older Workflow API helper: fetch the Response-node output and overall status of a finished/running execution.",
        Method = HttpMethod.Get,
        Route = "/api/v1/execution/{execution_id}/response",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Deprecated = true,
        Parameters =
        [
            Param.Path("execution_id", "Execution id."),
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation ListWorkflowExecutionNodeBatches { get; } = new()
    {
        Name = "list_workflow_execution_node_batches",
        Group = Group,
        Title = "TODO",
        Description = "Node-batch listing scoped to a workflow and linked account; only announced in the April 2026 changelog.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/{workflowId}/linked-account/{linkedAccountId}/execution-node-batches",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Inferred = true,
        Parameters =
        [
            Param.Path("workflowId", "Workflow id."),
            Param.Path("linkedAccountId", "Linked account id."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListExecutions, GetExecution, ListExecutionNodeBatches, StopExecution, RerunExecution, GetExecutionResponse, ListWorkflowExecutionNodeBatches];
}
