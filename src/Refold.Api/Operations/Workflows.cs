using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Workflows: find, create, edit, publish and run workflows, and inspect their drafts, versions and expected input.</summary>
public static class Workflows
{
    public static OperationGroup Group { get; } = new("workflows", "Workflows", "Find, create, edit, publish and run workflows (org-level ones and a linked account's private ones), and inspect their drafts, versions, expected input and which are enabled.");

    private static Parameter WorkflowIdPath { get; } = Param.Path("workflowId", "Workflow _id, from list_workflows.");

    private static Parameter SyncExecutionHeader { get; } = Param.Header(
        "sync_execution",
        "'true' to wait for the run to finish and get its result; default 'false' (queued, returns at once).") with { Enum = ["true", "false"] };

    public static Operation ListWorkflows { get; } = new()
    {
        Name = "list_workflows",
        Group = Group,
        Title = "List workflows",
        Description = "Pages through workflows: the org's, or with a linked account those it may run (its own with scope private). Pass a doc's _id or name to run_workflow.",
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
            Param.Query("slug", "Only this app's."),
            Param.Query("application_id", "Only this app _id's."),
            Param.Query("name", "Regex or fragment of the name."),
            Param.Query("published", "Only (un)published ones.") with { Enum = ["true", "false"] },
            Param.Query("start_date", "Created at or after (ISO 8601)."),
            Param.Query("end_date", "Created at or before (ISO 8601)."),
        ],
    };

    public static Operation CreateWorkflow { get; } = new()
    {
        Name = "create_workflow",
        Group = Group,
        Title = "Create a workflow",
        Description = "Creates a private workflow owned by the linked account as an unpublished draft holding only a start node; it is attached to the app given by slug or associated_application, else to the org's default custom app. Returns {workflow}; its _id is the draft id to pass to publish_workflow, and associated_workflow is the parent id.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/workflow",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "list_workflows", LookFor = "a private draft with this name", Arguments = [("name", "name"), ("slug", "slug")] },
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("name", "Workflow name, e.g. 'Lead router'."),
            Param.Body("slug", "Slug of the app to attach the workflow to, e.g. 'hubspot' (from list_applications)."),
            Param.Body("associated_application", "_id of the app to attach the workflow to, instead of slug."),
            Param.Body("description", "Free-text description of the workflow."),
            Param.WholeBody("fields", "Any other workflow properties to set (e.g. settings, json_schema), merged into the body; owner and environment are filled in by Refold."),
        ],
    };

    public static Operation GetWorkflow { get; } = new()
    {
        Name = "get_workflow",
        Group = Group,
        Title = "Get a workflow",
        Description = "Reads one workflow with its main properties, nodes (including the start node's trigger setup) and edges. Answers 403 when the workflow is private to a different linked account. For the editable copy use get_workflow_draft; for its expected input use get_workflow_request_structure. Get workflowId from list_workflows.",
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
            Param.Body("name", "New workflow name."),
            Param.Body("description", "New description."),
            Param.Body("workflow_alias", "Alias that execute_workflow accepts in place of the id, e.g. 'lead-router'."),
            Param.Body("settings", "Settings object with timeout (integer) and dedup_key (string), e.g. {\"timeout\": 300, \"dedup_key\": \"order_id\"}.", ParameterType.Object),
        ],
    };

    public static Operation DeleteWorkflow { get; } = new()
    {
        Name = "delete_workflow",
        Group = Group,
        Title = "Delete a workflow",
        Description = "Permanently deletes a linked account's workflow together with all its drafts and versions, and deregisters its triggers. Pass the parent or published workflowId from list_workflows; a version snapshot id gives 400. Returns {message, successfullyDeletedTriggers}. To only take it offline use publish_workflow with published=false.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/workflow/{workflowId}",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("workflowId", "Parent or published workflow _id from list_workflows (not a version snapshot id)."),
        ],
    };

    public static Operation GetWorkflowDraft { get; } = new()
    {
        Name = "get_workflow_draft",
        Group = Group,
        Title = "Get a workflow's editable draft",
        Description = "Returns the editable draft of a workflow (nodes, edges, data_slots; associated_workflow points to the parent). If no draft exists yet, one is cloned from the published version first, so the call may create a record. The draft's _id is what publish_workflow expects. Get workflowId from list_workflows.",
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
        Description = "With published=true, publishes a linked account's draft: registers its triggers and schedules and snapshots a version (numbered by version if given). With published=false, takes the published workflow offline. Publish with the draft id (from create_workflow or get_workflow_draft), unpublish with the published id. Returns the workflow; its _id is the published id for execute_workflow.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/workflow/{workflowId}/publish",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("workflowId", "Draft id to publish, or published id to unpublish (the two differ)."),
            Param.Body("published", "true to publish, false to unpublish.", ParameterType.Boolean, required: true),
            Param.Body("version", "Version number to publish the draft as, e.g. 2; only with published=true.", ParameterType.Integer),
        ],
    };

    public static Operation ExecuteWorkflow { get; } = new()
    {
        Name = "execute_workflow",
        Group = Group,
        Title = "Execute a workflow",
        Description = "Runs a published workflow for the linked account with the given JSON as its input. By default the run is queued and you get {execution_id} (follow up with get_execution); with sync_execution 'true' it waits and returns return_value and status_code. Pass workflowId (or alias) from list_workflows and the app slug; see get_workflow_request_structure for the expected input.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/workflow/{workflowId}/execute",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        OutcomeCheck = Executions.NewRuns("a run of this workflow created since then", ("workflow_id", "workflowId")),
        Parameters =
        [
            Param.Path("workflowId", "Published workflow _id or its workflow_alias, from list_workflows."),
            Param.LinkedAccountHeader,
            Param.SlugHeader(),
            Param.Header("config_id", "Config whose settings the run uses; defaults to the linked account id."),
            SyncExecutionHeader with { Description = "'true' to wait for the run and get its result (not allowed when the workflow has a Group node); default 'false' (queued)." },
            Param.Header("include-headers", "'true' to pass the sanitized request headers through to the workflow and its response; default 'false'.") with { Enum = ["true", "false"] },
            Param.Query("include-headers", "'true' to pass the sanitized request headers through to the workflow and its response; default 'false'.") with { Enum = ["true", "false"] },
            Param.Header("instance_tag", "Free-text label stored on the execution, e.g. 'batch-7'."),
            Param.WholeBody("payload", "Input object for the workflow; its members become the JSON body, e.g. {\"lead_email\": \"pat@example.com\"}."),
        ],
    };

    public static Operation ListEnabledWorkflows { get; } = new()
    {
        Name = "list_enabled_workflows",
        Group = Group,
        Title = "List enabled workflows",
        Description = "Lists the workflows the linked account has switched on across all its app configs, as a plain array (not paginated) of {id, name, description, icon, config_id, application}. Use it to see what runs for a customer; to switch one on or off use toggle_config_workflow.",
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
        Description = "Describes the body execute_workflow expects for a workflow: {payload (a sample input), schema (its JSON Schema or null), schema_interpreted (a readable summary)}; all three are null when nothing is defined. Call it before execute_workflow. Get workflowId from list_workflows.",
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
        Description = "Pages through the published version snapshots of a workflow, newest first. Returns a page: docs[] (each with _id, version, createdAt), totalDocs, hasNextPage. Pass the parent workflowId from list_workflows; 404 if it is unknown.",
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
            Param.Path("workflowId", "Workflow _id or its workflow_alias, from list_workflows."),
            Param.RequiredLinkedAccountHeader,
            Param.SlugHeader(),
            SyncExecutionHeader,
            Param.WholeBody("payload", "Input object for the workflow, sent as the JSON body; {} when there is none."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListWorkflows, CreateWorkflow, GetWorkflow, UpdateWorkflow, DeleteWorkflow, GetWorkflowDraft, PublishWorkflow, ExecuteWorkflow, ListEnabledWorkflows, GetWorkflowRequestStructure, ListWorkflowVersions, ExecuteWorkflowV1];
}
