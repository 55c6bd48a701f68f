using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Workflows: find, create, edit, publish and run workflows, and inspect their drafts, versions and expected input.</summary>
public static class Workflows
{
    public static OperationGroup Group { get; } = new("workflows", "Workflows", "Find, create, edit, publish and run workflows (org-level ones and a linked account's private ones), and inspect their drafts, versions, expected input and which are enabled.");

    private static Parameter WorkflowIdPath { get; } = Param.Path("workflowId", "").From("list_workflows");

    private static Parameter SyncExecutionHeader { get; } = Param.Header(
        "sync_execution",
        "true waits for the result; default queued.") with { Enum = ["true", "false"] };

    public static Operation ListWorkflows { get; } = new()
    {
        Name = "list_workflows",
        Group = Group,
        Title = "List workflows",
        Description = "Pages through workflows: the org's, or those a linked account may run (scope private: its own); run_workflow takes an _id or name.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
            Param.Query("scope", "The account's own workflows.") with { Enum = ["private"] },
            Param.Query("slug", ""),
            Param.Query("application_id", ""),
            Param.Query("name", "Regex or fragment of the name."),
            Param.Query("published", "") with { Enum = ["true", "false"] },
            Param.Query("start_date", "ISO 8601."),
            Param.Query("end_date", "ISO 8601."),
        ],
    };

    public static Operation CreateWorkflow { get; } = new()
    {
        Name = "create_workflow",
        Group = Group,
        Title = "Create a workflow",
        Description = "Creates a linked account's private workflow: an unpublished draft with a start node; publish_workflow takes its _id.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/workflow",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "list_workflows", LookFor = "a private draft with this name", Arguments = [("name", "name"), ("slug", "slug")] },
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("name", ""),
            Param.Body("slug", ""),
            Param.Body("associated_application", "App _id instead of slug."),
            Param.Body("description", ""),
            Param.WholeBody("fields", "Other workflow properties."),
        ],
    };

    public static Operation GetWorkflow { get; } = new()
    {
        Name = "get_workflow",
        Group = Group,
        Title = "Get a workflow",
        Description = "Reads one workflow's nodes, trigger and edges; 403 if private to another account. Editable copy: get_workflow_draft.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/{workflowId}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            WorkflowIdPath,
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation UpdateWorkflow { get; } = new()
    {
        Name = "update_workflow",
        Group = Group,
        Title = "Update workflow details",
        Description = "Changes a linked account's private workflow details: name, description, workflow_alias and settings (timeout, dedup_key). Send only what changes. Returns the updated workflow. Get workflowId from list_workflows with scope=private.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/workflow/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Inferred = true,
        Parameters =
        [
            WorkflowIdPath,
            Param.LinkedAccountHeader,
            Param.Body("name", ""),
            Param.Body("description", ""),
            Param.Body("workflow_alias", "Accepted in place of the id."),
            Param.Body("settings", "{timeout, dedup_key}.", ParameterType.Object),
        ],
    };

    public static Operation DeleteWorkflow { get; } = new()
    {
        Name = "delete_workflow",
        Group = Group,
        Title = "Delete a workflow",
        Description = "Deletes a linked account's workflow for good (drafts, versions, triggers too); publish_workflow (published false) only unpublishes.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/workflow/{workflowId}",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("workflowId", "").From("list_workflows"),
        ],
    };

    public static Operation GetWorkflowDraft { get; } = new()
    {
        Name = "get_workflow_draft",
        Group = Group,
        Title = "Get a workflow's editable draft",
        Description = "Reads a workflow's editable draft (nodes, edges, data_slots), cloning the published version if none exists.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/{workflowId}/edit",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            WorkflowIdPath,
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation PublishWorkflow { get; } = new()
    {
        Name = "publish_workflow",
        Group = Group,
        Title = "Publish or unpublish a workflow",
        Description = "Publishes a draft (its triggers, schedules and a version snapshot), or with published false takes the workflow offline.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/workflow/{workflowId}/publish",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("workflowId", "Draft _id (get_workflow_draft) to publish, published _id to unpublish."),
            Param.Body("published", "false unpublishes.", ParameterType.Boolean, required: true),
            Param.Body("version", "Only with published true.", ParameterType.Integer),
        ],
    };

    public static Operation ExecuteWorkflow { get; } = new()
    {
        Name = "execute_workflow",
        Group = Group,
        Title = "Execute a workflow",
        Description = "Starts a published workflow in one raw call (queued unless sync_execution); run_workflow also checks and follows it.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/workflow/{workflowId}/execute",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        OutcomeCheck = Executions.NewRuns("a run of this workflow created since then", ("workflow_id", "workflowId")),
        Parameters =
        [
            Param.Path("workflowId", "Or its alias."),
            Param.LinkedAccountHeader,
            Param.SlugHeader(),
            Param.Header("config_id", "Default: account id.") with { DescribedOnce = true },
            SyncExecutionHeader with { Description = "true waits for the result (not with a Group node); default queued." },
            Param.Header("include-headers", "true passes request headers to the workflow.") with { Enum = ["true", "false"] },
            Param.Query("include-headers", "true passes request headers to the workflow.") with { Enum = ["true", "false"] },
            Param.Header("instance_tag", ""),
            Param.WholeBody("payload", "See get_workflow_request_structure."),
        ],
    };

    public static Operation ListEnabledWorkflows { get; } = new()
    {
        Name = "list_enabled_workflows",
        Group = Group,
        Title = "List enabled workflows",
        Description = "Lists the workflows the linked account switched on across its app configs.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/enabled",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation GetWorkflowRequestStructure { get; } = new()
    {
        Name = "get_workflow_request_structure",
        Group = Group,
        Title = "Get a workflow's expected input",
        Description = "Shows the input execute_workflow expects: a sample payload, its JSON Schema and a summary.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/request-structure/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            WorkflowIdPath,
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation ListWorkflowVersions { get; } = new()
    {
        Name = "list_workflow_versions",
        Group = Group,
        Title = "List workflow versions",
        Description = "Pages through a workflow's published version snapshots, newest first.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/versions/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            WorkflowIdPath,
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation ExecuteWorkflowV1 { get; } = new()
    {
        Name = "execute_workflow_v1",
        Group = Group,
        Title = "Execute a workflow (v1 route)",
        Description = "Older v1 route for running a workflow for a linked account: the JSON body is the input, the app slug goes in a header, and the result is {execution_id, return_value}. Prefer execute_workflow; use this only for compatibility. Pass workflowId (or alias) from list_workflows.",
        Method = HttpMethod.Post,
        Route = "/api/v1/workflow/{workflowId}/execute",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Run,
        OutcomeCheck = Executions.NewRuns("a run of this workflow created since then", ("workflow_id", "workflowId")),
        Deprecated = true,
        Parameters =
        [
            Param.Path("workflowId", "Or its alias."),
            Param.RequiredLinkedAccountHeader,
            Param.SlugHeader(),
            SyncExecutionHeader,
            Param.WholeBody("payload", "The workflow's input; {} if none."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListWorkflows, CreateWorkflow, GetWorkflow, UpdateWorkflow, DeleteWorkflow, GetWorkflowDraft, PublishWorkflow, ExecuteWorkflow, ListEnabledWorkflows, GetWorkflowRequestStructure, ListWorkflowVersions, ExecuteWorkflowV1];
}
