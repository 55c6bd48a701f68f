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
        Description = "Searches workflow runs, newest first (without linked_account_id, an org key searches every account). Finds failed runs and execution ids; get_execution shows the nodes.",
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
            Param.Query("workflow_id", "Workflow _id (list_workflows)."),
            Param.Query("workflow_name", "Text in the workflow's name."),
            Param.Query("execution_id", "Just this run."),
            Param.Query("start_date", "Created at or after (ISO 8601)."),
            Param.Query("end_date", "Created at or before (ISO 8601)."),
            Param.Query("execution_type", "Sync or async runs.") with { Enum = ["SYNC", "ASYNC", "All"] },
            Param.Query("execution_source", "How the runs started.") with { Enum = ["API_CALL", "SCHEDULE", "Event"] },
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
        Description = "Reads one workflow run in full: each node's status, attempts, input and output, to see which step failed and why. wait_for_execution follows a running one.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/execution/{execution_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("execution_id", "The run's _id."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation ListExecutionNodeBatches { get; } = new()
    {
        Name = "list_execution_node_batches",
        Group = Group,
        Title = "List batches of an execution node",
        Description = "Page through the batch sub-runs of one looping or batch node inside an execution, each with batch_index, status and output. Use it after get_execution shows a node with is_batch true. Returns a page: docs[], totalDocs, hasNextPage; a 501 means the node or engine has no batch details.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/execution/{execution_id}/nodes/{node_id}/batches",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Path("execution_id", "Execution _id (from list_executions)."),
            Param.Path("node_id", "The node's node_id as shown in get_execution, e.g. '2'."),
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
            Param.Query("status", "Only batches with this status, e.g. 'Errored'."),
        ],
    };

    public static Operation StopExecution { get; } = new()
    {
        Name = "stop_execution",
        Group = Group,
        Title = "Stop an execution",
        Description = "Request that a running workflow run be halted. The stop is queued and confirmed at once with a message; the run then goes STOPPING and later STOPPED, so poll get_execution to confirm. Pass instanceId, the execution _id from list_executions.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/execution/{instanceId}/stop",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("instanceId", "Execution _id of the run to stop (from list_executions)."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation RerunExecution { get; } = new()
    {
        Name = "rerun_execution",
        Group = Group,
        Title = "Rerun an execution",
        Description = "Replay a failed or stopped workflow run as a new execution with the same trigger payload; the workflow's steps run again against connected apps. Returns {status, id} where id is the new execution's _id (follow it with get_execution). Pass instanceId, the original execution _id from list_executions.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/execution/{instanceId}/rerun",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        OutcomeCheck = NewRuns("a new run of the same workflow created since then"),
        Parameters =
        [
            Param.Path("instanceId", "Execution _id of the run to replay (from list_executions)."),
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
            Param.Path("execution_id", "Execution _id, e.g. '66a1f00dbeefcafe00000901'."),
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
            Param.Path("workflowId", "Workflow _id (from list_workflows)."),
            Param.Path("linkedAccountId", "Your id of the linked account, e.g. 'acct_9001'."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListExecutions, GetExecution, ListExecutionNodeBatches, StopExecution, RerunExecution, GetExecutionResponse, ListWorkflowExecutionNodeBatches];
}
