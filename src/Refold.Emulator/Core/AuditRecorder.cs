using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Emulator.State;

namespace Refold.Emulator.Core;

/// <summary>
/// What a handler may add to its request's audit entry: another event name than the derived one (e.g.
/// <c>WORKFLOW_ENABLED</c>), the linked account the write concerned when the caller did not name it (e.g. one taken
/// from the body), and details (ids, names; never secrets) that the audit views show.
/// </summary>
public sealed class AuditNote
{
    /// <summary>The event name; null derives <c>{RESOURCE}_{CREATED|UPDATED|DELETED}</c> from the operation.</summary>
    public string? Event { get; set; }

    /// <summary>The linked account the write concerned; null uses the caller's.</summary>
    public string? LinkedAccountId { get; set; }

    /// <summary>Extra facts about the write, copied into the entry's <c>details</c>.</summary>
    public JsonObject Details { get; } = [];
}

/// <summary>
/// The one place audit entries are written: after every successful request of an operation that is not declared
/// read-only, an entry goes into the caller's <see cref="Collections.AuditLogs"/>, newest last, at most
/// <see cref="Capacity"/> per partition. The audit operations serve these entries.
/// </summary>
internal static class AuditRecorder
{
    /// <summary>Entries kept per org+environment; the oldest go first.</summary>
    public const int Capacity = 5000;

    public static void Record(EmulatorRequest request, EmulatorResult result)
    {
        var operation = request.Operation;
        var status = result.Status ?? operation.SuccessStatus;
        if (operation.Hints.ReadOnly || status is < 200 or >= 300 || !request.Caller.HasOrg)
        {
            return;
        }

        // What the write was aimed at: its path values and declared headers (ids and slugs; credentials are never declared).
        var target = new JsonObject();
        foreach (var p in operation.Parameters.Where(p => p.In is ParameterLocation.Path or ParameterLocation.Header && p.SentAs != Param.LinkedAccountHeader.SentAs))
        {
            if ((p.In == ParameterLocation.Path ? request.Route(p.SentAs) : request.Header(p.SentAs)) is { Length: > 0 } value)
            {
                target[p.SentAs] = value;
            }
        }

        var entry = new JsonObject
        {
            ["org_id"] = request.Caller.OrgId,
            ["environment"] = request.Caller.Environment,
            ["event"] = request.Audit.Event ?? EventOf(operation),
            ["action"] = operation.Name,
            ["method"] = operation.Method.Method,
            ["path"] = request.Path,
            ["target"] = target,
            ["status_code"] = status,
            ["linked_account_id"] = request.Audit.LinkedAccountId ?? request.Caller.LinkedAccountId,
            ["actor"] = request.Caller.IsSessionToken ? "session_token" : "api_key",
        };
        if (request.Audit.Details.Count > 0)
        {
            entry["details"] = request.Audit.Details.DeepClone();
        }

        var log = request.Data.Collection(Collections.AuditLogs);
        log.Insert(entry);
        var excess = log.Count - Capacity;
        if (excess > 0)
        {
            // RemoveAll visits the documents oldest first, so this drops exactly the oldest `excess` entries.
            log.DeleteWhere(_ => excess-- > 0);
        }
    }

    /// <summary>E.g. <c>TABLE_CREATED</c>: the group's resource in the singular and the verb of the HTTP method.</summary>
    public static string EventOf(Operation operation)
    {
        var resource = operation.Group.Id.ToUpperInvariant();
        if (resource.EndsWith('S'))
        {
            resource = resource[..^1];
        }

        var verb = operation.Method.Method switch
        {
            "POST" => "CREATED",
            "DELETE" => "DELETED",
            _ => "UPDATED",
        };
        return resource + "_" + verb;
    }
}
