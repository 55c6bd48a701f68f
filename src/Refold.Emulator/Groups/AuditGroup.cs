using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Audit (inferred operations): views over the entries <see cref="AuditRecorder"/> writes for every successful write
/// request, newest first. Audit trails are one linked account's entries; events received are the entries of the
/// event-trigger operations; audit logs are the whole org+environment over the last 30 days.
/// </summary>
internal sealed class AuditGroup : EmulatorGroup
{
    /// <summary>How far back the org audit log reaches.</summary>
    public static readonly TimeSpan LogWindow = TimeSpan.FromDays(30);

    // The operations through which Refold receives events.
    private static readonly HashSet<string> s_receivers =
        [Ops.Events.TriggerEvent.Name, Ops.Events.TriggerEventBySlug.Name, Ops.Events.TriggerEventLegacy.Name];

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Audit.ListAuditTrails, Trails);
        routes.Map(Ops.Audit.ListAuditEventsReceived, Received);
        routes.Map(Ops.Audit.ListAuditLogs, Logs);
    }

    private static EmulatorResult Trails(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        return Paging.Page(req, Newest(req, e => Doc.Is(e, "linked_account_id", account)));
    }

    private static EmulatorResult Received(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        var entries = Newest(req, e => Doc.Is(e, "linked_account_id", account) && s_receivers.Contains(e.Str("action") ?? ""));
        return Paging.Page(req, [.. entries.Select(e => (JsonNode)new JsonObject
        {
            ["_id"] = e.Str("_id"),
            ["org_id"] = e.Str("org_id"),
            ["environment"] = e.Str("environment"),
            ["linked_account_id"] = account,
            ["event"] = e!["details"]?["event"]?.DeepClone(),
            ["slug"] = e!["target"]?["slug"]?.DeepClone(),
            ["config_id"] = e!["target"]?["config_id"]?.DeepClone() ?? account,
            ["source"] = e.Str("action"),
            ["status_code"] = e!["status_code"]?.DeepClone(),
            ["createdAt"] = e.Str("createdAt"),
        })]);
    }

    private static EmulatorResult Logs(EmulatorRequest req)
    {
        var since = EmulatorState.Iso(req.Now - LogWindow);
        return Paging.Page(req, Newest(req, e => string.CompareOrdinal(e.Str("createdAt"), since) >= 0));
    }

    private static List<JsonNode?> Newest(EmulatorRequest req, Func<JsonObject, bool> match)
    {
        var entries = req.Data.Collection(Collections.AuditLogs).Find(match);
        entries.Reverse();
        return [.. entries];
    }
}
