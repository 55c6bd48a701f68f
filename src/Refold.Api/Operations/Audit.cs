using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Audit (changelog only): read audit trails, received-event logs and org audit logs.</summary>
public static class Audit
{
    public static OperationGroup Group { get; } = new("audit", "Audit (changelog only)", "Read audit records: configuration and workflow changes for a linked account, the log of events Refold received, and the org-wide audit log.");

    public static Operation ListAuditTrails { get; } = new()
    {
        Name = "list_audit_trails",
        Group = Group,
        Title = "List audit trails",
        Description = "Page through audit entries for a linked account, such as CONFIG_CREATED, CONFIG_UPDATED, CONFIG_DELETED, WORKFLOW_ENABLED or WORKFLOW_DISABLED, to see what changed in an integration setup and when. For the org-wide log use list_audit_logs. Returns a page: docs[] (event, linked_account_id, createdAt), totalDocs, hasNextPage.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/audit/audit-trails",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Inferred = true,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation ListAuditEventsReceived { get; } = new()
    {
        Name = "list_audit_events_received",
        Group = Group,
        Title = "List received events",
        Description = "Page through the log of events Refold received for a linked account, e.g. to check whether a trigger_event call or an incoming app event arrived. To see the workflow runs they started use list_executions. Returns a page: docs[], totalDocs, hasNextPage.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/audit/event-received",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Inferred = true,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation ListAuditLogs { get; } = new()
    {
        Name = "list_audit_logs",
        Group = Group,
        Title = "List org audit logs",
        Description = "Page through the organisation-wide audit log, which covers roughly the last 30 days. For changes to a single linked account's setup use list_audit_trails. Returns a page: docs[], totalDocs, hasNextPage.",
        Method = HttpMethod.Get,
        Route = "/api/v1/audit/public/audit-logs",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Inferred = true,
        Parameters =
        [
            Param.Page,
            Param.Limit,
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListAuditTrails, ListAuditEventsReceived, ListAuditLogs];
}
