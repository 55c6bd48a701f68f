using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Workflows: TODO one line.</summary>
public static class Workflows
{
    public static OperationGroup Group { get; } = new("workflows", "Workflows", "TODO");

    public static Operation ListWorkflows { get; } = new()
    {
        Name = "list_workflows",
        Group = Group,
        Title = "TODO",
        Description = "List workflows. Without a linked account: org-level (public, slug-level) workflows. With a linked account: public workflows available to it, or its own private workflows when scope=private. Response adds a merged JSON schema.",
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
            Param.Query("scope", "'private' (with a linked account) for the account's own workflows."),
            Param.Query("slug", "Filter by app slug."),
            Param.Query("application_id", "Filter by app id."),
            Param.Query("name", "Regex/partial match on name."),
            Param.Query("published", "'true' | 'false'."),
            Param.Query("start_date", "ISO date-time lower bound on creation."),
            Param.Query("end_date", "ISO date-time upper bound."),
        ],
    };

    public static Operation CreateWorkflow { get; } = new()
    {
        Name = "create_workflow",
        Group = Group,
        Title = "TODO",
        Description = "Create a private workflow owned by the linked account (unpublished draft with a single start node). Without slug/associated_application it lands on the org's default custom app.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/workflow",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("name", "Workflow name (v2 docs mark it required).", ParameterType.String, required: true),
            Param.Body("slug", "App slug to attach to."),
            Param.Body("associated_application", "App id alternative to slug."),
            Param.Body("description", "Description."),
            Param.WholeBody("fields", "Any Workflow document field may be supplied; ownership/environment are set by the server."),
        ],
    };

    public static Operation GetWorkflow { get; } = new()
    {
        Name = "get_workflow",
        Group = Group,
        Title = "TODO",
        Description = "Read a workflow (allow-listed fields incl. nodes with start-node trigger config, and edges). Org-scoped: a private workflow of another linked account gives 403.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/{workflowId}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("workflowId", "Workflow id."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation UpdateWorkflow { get; } = new()
    {
        Name = "update_workflow",
        Group = Group,
        Title = "TODO",
        Description = "Update a private workflow's metadata from a linked account (name, description, workflow_alias, settings.timeout, settings.dedup_key). Only known from the changelog.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/workflow/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Inferred = true,
        Parameters =
        [
            Param.Path("workflowId", "Workflow id."),
            Param.LinkedAccountHeader,
            Param.Body("name", "New name."),
            Param.Body("description", "New description."),
            Param.Body("workflow_alias", "Alias usable in place of the id on execute."),
            Param.Body("settings", "{timeout: integer, dedup_key: string}.", ParameterType.Object),
        ],
    };

    public static Operation DeleteWorkflow { get; } = new()
    {
        Name = "delete_workflow",
        Group = Group,
        Title = "TODO",
        Description = "Delete a linked account's workflow with all drafts/versions and deregister its triggers.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/workflow/{workflowId}",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("workflowId", "Parent/published workflow id (not a version snapshot)."),
        ],
    };

    public static Operation GetWorkflowDraft { get; } = new()
    {
        Name = "get_workflow_draft",
        Group = Group,
        Title = "TODO",
        Description = "Return the editable draft of a workflow; if none exists the published version is cloned into a new draft first (side effect).",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/{workflowId}/edit",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Path("workflowId", "Workflow id."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation PublishWorkflow { get; } = new()
    {
        Name = "publish_workflow",
        Group = Group,
        Title = "TODO",
        Description = "Publish (register triggers/crons and snapshot a new version) or unpublish a linked account's workflow.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/workflow/{workflowId}/publish",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("workflowId", "To publish: the DRAFT id. To unpublish: the PUBLISHED id (they differ)."),
            Param.Body("published", "true publishes, false unpublishes.", ParameterType.Boolean, required: true),
            Param.Body("version", "With published=true, publish the draft as this version number.", ParameterType.Integer),
            Param.Body("description", "Optional note (v2 docs)."),
            Param.Header("environment", "v2 docs list an environment header (test|production) as required; not in the spec (INFERRED optional)."),
        ],
    };

    public static Operation ExecuteWorkflow { get; } = new()
    {
        Name = "execute_workflow",
        Group = Group,
        Title = "TODO",
        Description = "Run a published workflow for a linked account through its API-call trigger. Async by default (returns an execution id); sync mode returns the workflow's response payload. Status code can be set by a Response node.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/workflow/{workflowId}/execute",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Run,
        Parameters =
        [
            Param.Path("workflowId", "Published workflow id (or its workflow alias)."),
            Param.LinkedAccountHeader,
            Param.Header("slug", "Application slug, sent as a header (not in the URL), e.g. hubspot.", required: true),
            Param.Header("config_id", "Config to run under; default linked account id."),
            Param.Header("sync_execution", "'true' waits and returns the Response node output; default 'false'. Not allowed when the workflow has a Group node."),
            Param.Header("include-headers", "'true' echoes sanitized request headers to the workflow/response."),
            Param.Query("include-headers", "Query form of include-headers."),
            Param.Header("instance_tag", "Label for the created execution."),
            Param.WholeBody("payload", "Arbitrary JSON handed to the workflow as its trigger payload (reference examples wrap it as {\"payload\": {...}}, the frontend SDK sends the object bare)."),
        ],
    };

    public static Operation ListEnabledWorkflows { get; } = new()
    {
        Name = "list_enabled_workflows",
        Group = Group,
        Title = "TODO",
        Description = "List workflows currently enabled across the linked account's installations, with config_id and app info. Not paginated.",
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
        Title = "TODO",
        Description = "Describe the body a workflow expects on execute: its JSON Schema (if any), a sample payload from manual_execution_payload, and a readable interpretation.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/request-structure/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("workflowId", "Workflow id."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation ListWorkflowVersions { get; } = new()
    {
        Name = "list_workflow_versions",
        Group = Group,
        Title = "TODO",
        Description = "Page through published version snapshots of a workflow, newest first.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/workflow/versions/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Path("workflowId", "Workflow id."),
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation ExecuteWorkflowV1 { get; } = new()
    {
        Name = "execute_workflow_v1",
        Group = Group,
        Title = "TODO",
        Description = "Older Workflow API execute route (v1 path) from the Workflow API guide and Node SDK; same headers (linked_account_id, slug, sync_execution) and raw JSON body.",
        Method = HttpMethod.Post,
        Route = "/api/v1/workflow/{workflowId}/execute",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Run,
        Deprecated = true,
        Parameters =
        [
            Param.Path("workflowId", "Workflow id or alias."),
            Param.RequiredLinkedAccountHeader,
            Param.Header("slug", "Application slug, sent as a header (not in the URL), e.g. hubspot.", required: true),
            Param.Header("sync_execution", "'true' | 'false'."),
            Param.WholeBody("payload", "Trigger payload ({} when none)."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListWorkflows, CreateWorkflow, GetWorkflow, UpdateWorkflow, DeleteWorkflow, GetWorkflowDraft, PublishWorkflow, ExecuteWorkflow, ListEnabledWorkflows, GetWorkflowRequestStructure, ListWorkflowVersions, ExecuteWorkflowV1];
}
