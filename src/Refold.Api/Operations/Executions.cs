using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Executions: inspect, stop and rerun workflow runs (instances) and read their per-node and batch results.</summary>
public static class Executions
{
    public static OperationGroup Group { get; } = new("executions", "Executions", "Inspect workflow runs (executions, also called instances): list and filter them, read per-node results and batches, stop a running one or rerun a failed one.");

    public static Operation ListExecutions { get; } = new()
    {
        Name = "list_executions",
        Group = Group,
        Title = "List executions",
        Description = "Searches workflow runs, newest first (an org key without linked_account_id searches all accounts), e.g. failed ones.",
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
            Param.Query("status", "One state (default All).") with { Enum = ["COMPLETED", "ERRORED", "RUNNING", "STOPPED", "STOPPING", "TIMED_OUT", "All"] },
            Param.Query("slug", "Comma-separated app slugs."),
            Param.Query("workflow_id", "Workflow _id").From("list_workflows"),
            Param.Query("workflow_name", "Part of the name."),
            Param.Query("execution_id", ""),
            Param.Query("start_date", "ISO 8601."),
            Param.Query("end_date", "ISO 8601."),
            Param.Query("execution_type", "") with { Enum = ["SYNC", "ASYNC", "All"] },
            Param.Query("execution_source", "") with { Enum = ["API_CALL", "SCHEDULE", "Event"] },
            Param.Query("sortAsc", "Oldest first.") with { Enum = ["true", "false"] },
        ],
    };

    /// <summary>The check of an operation that starts runs: list_executions since the call, filtered by these of its arguments.</summary>
    internal static OutcomeCheck NewRuns(string lookFor, params (string Read, string From)[] arguments) =>
        new() { Read = ListExecutions.Name, LookFor = lookFor, Since = "start_date", Arguments = arguments };

    public static Operation GetExecution { get; } = new()
    {
        Name = "get_execution",
        Group = Group,
        Title = "Get an execution",
        Description = "Reads one run in full: each node's status, attempts, input and output, to see which step failed and why.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/execution/{execution_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("execution_id", "Execution _id").From("list_executions"),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation ListExecutionNodeBatches { get; } = new()
    {
        Name = "list_execution_node_batches",
        Group = Group,
        Title = "List a node's batches",
        Description = "Pages through the batch sub-runs of a node get_execution shows with is_batch true; 501 if none.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/execution/{execution_id}/nodes/{node_id}/batches",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Path("execution_id", "").From("list_executions"),
            Param.Path("node_id", "").From("get_execution"),
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
            Param.Query("status", ""),
        ],
    };

    public static Operation StopExecution { get; } = new()
    {
        Name = "stop_execution",
        Group = Group,
        Title = "Stop an execution",
        Description = "Asks Refold to halt a running run; it goes STOPPING, then STOPPED (confirm with get_execution).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/execution/{instanceId}/stop",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("instanceId", "").From("list_executions"),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation RerunExecution { get; } = new()
    {
        Name = "rerun_execution",
        Group = Group,
        Title = "Rerun an execution",
        Description = "Replays a failed or stopped run as a new execution with the same trigger payload (steps hit apps again).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/execution/{instanceId}/rerun",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        OutcomeCheck = NewRuns("a new run of the same workflow created since then"),
        Parameters =
        [
            Param.Path("instanceId", "").From("list_executions"),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation GetExecutionResponse { get; } = new()
    {
        Name = "get_execution_response",
        Group = Group,
        Title = "Get an execution's response output",
        Description = "Fetch only what a run's Response node returned plus its overall status (COMPLETED, RUNNING or ERRORED), as {response, status}. Handy for polling an async execute_workflow call; prefer get_execution for full node detail. Pass the execution_id returned by the execute call or listed by list_executions.",
        Method = HttpMethod.Get,
        Route = "/api/v1/execution/{execution_id}/response",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Deprecated = true,
        Parameters =
        [
            Param.Path("execution_id", "Execution _id (list_executions)."),
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation ListWorkflowExecutionNodeBatches { get; } = new()
    {
        Name = "list_workflow_execution_node_batches",
        Group = Group,
        Title = "List node batches for a workflow and account",
        Description = "Page through node batch records for one workflow as run by one linked account, across its executions. Prefer list_execution_node_batches when you already know the execution and node. Returns a page: docs[], totalDocs, hasNextPage. Pass workflowId from list_workflows and the account's linked_account_id.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/{workflowId}/linked-account/{linkedAccountId}/execution-node-batches",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Inferred = true,
        Parameters =
        [
            Param.Path("workflowId", "").From("list_workflows"),
            Param.Path("linkedAccountId", "account_id (list_linked_accounts)."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListExecutions, GetExecution, ListExecutionNodeBatches, StopExecution, RerunExecution, GetExecutionResponse, ListWorkflowExecutionNodeBatches];
}
