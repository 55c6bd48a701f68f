using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Audit (changelog only): TODO one line.</summary>
public static class Audit
{
    public static OperationGroup Group { get; } = new("audit", "Audit (changelog only)", "TODO");

    public static Operation ListAuditTrails { get; } = new()
    {
        Name = "list_audit_trails",
        Group = Group,
        Title = "TODO",
        Description = "Paginated audit events intended for hosted-portal consumers (changelog only).",
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
        Title = "TODO",
        Description = "Paginated log of received events (changelog: 'multiple authentication methods').",
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
        Title = "TODO",
        Description = "Org audit logs with filters over a 30-day window (changelog only).",
        Method = HttpMethod.Get,
        Route = "/api/v1/audit/public/audit-logs",
        Auth = AuthLevel.Org,
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
