using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;

namespace Refold.Emulator.Groups;

/// <summary>
/// Runs a demo app action against the linked account's record store for that app (collection
/// <see cref="Collection"/>): lists and searches read it, creates and updates change it, so what an agent writes it
/// can read back. A resource starts with the app's sample records the first time an account touches it.
/// The workflow engine can run action nodes through <see cref="Run"/> too.
/// </summary>
internal static class AppActionRunner
{
    /// <summary>Records of the emulated third-party apps: {linked_account_id, app, resource, record}.</summary>
    public const string Collection = "app_records";

    /// <summary>Why Refold would refuse to run the action for this account, or null when it can run.</summary>
    public sealed record Refused(int Status, string Code, string Message);

    /// <summary>
    /// The checks before an action runs: the app is connected on the account (400), not only by expired connections
    /// (401 <c>AUTH_SERVICE_ERROR</c>), and every required input is given (400 <c>MISSING_REQUIRED_FIELD</c>).
    /// </summary>
    public static Refused? Refusal(JsonObject account, AppDefinition app, AppAction action, JsonObject inputs)
    {
        var accountId = account.Str("account_id");
        var integration = Integrations.Find(account, app.Slug);
        if (integration is null || !Integrations.Connections(integration).Any())
        {
            return new(400, "SERVER_ERROR", $"Linked account {accountId} has not connected {app.Name}; connect it first (get_oauth_url or save_key_credentials)");
        }

        if (Integrations.Connections(integration).All(c => c.Str("status") == "expired"))
        {
            return new(401, "AUTH_SERVICE_ERROR", $"The {app.Name} connection of linked account {accountId} has expired; the account must reconnect");
        }

        var missing = action.Parameters.Where(p => p.Required && string.IsNullOrEmpty(Doc.Text(inputs[p.Name]))).Select(p => p.Name).ToList();
        return missing.Count > 0
            ? new(400, "MISSING_REQUIRED_FIELD", $"Missing required parameter(s) for {action.Id}: {string.Join(", ", missing)}")
            : null;
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="inputs"/>; returns Refold's <c>{node_status, data}</c>.</summary>
    public static JsonObject Run(Partition partition, string accountId, AppDefinition app, AppAction action, JsonObject inputs)
    {
        var records = partition.Collection(Collection);
        return partition.State.Atomically(() =>
        {
            EnsureSamples(records, accountId, app, action.Resource);
            bool Mine(JsonObject d) => Doc.Is(d, "linked_account_id", accountId) && Doc.Is(d, "app", app.Slug) && Doc.Is(d, "resource", action.Resource);
            var singular = action.Resource.TrimEnd('s');
            switch (action.Kind)
            {
                case ActionKind.List:
                case ActionKind.Search:
                    var query = action.Kind == ActionKind.Search ? Doc.Text(inputs["query"]) ?? "" : null;
                    var filters = action.Parameters.Where(p => p.Name is not ("limit" or "query" or "range") && inputs[p.Name] is not null)
                        .Select(p => (p.Name, Value: Doc.Text(inputs[p.Name]))).ToList();
                    var found = records.Find(Mine).Select(d => (JsonObject)d["record"]!.DeepClone())
                        .Where(r => filters.All(f => r[f.Name] is null || Doc.Text(r[f.Name]) == f.Value))
                        .Where(r => query is null || r.Any(p => Doc.Text(p.Value)?.Contains(query, StringComparison.OrdinalIgnoreCase) == true))
                        .ToList();
                    var limit = int.TryParse(Doc.Text(inputs["limit"]), out var l) && l > 0 ? l : int.MaxValue;
                    return Success(new JsonObject { [action.Resource] = Doc.Array(found.Take(limit)), ["total"] = found.Count });

                case ActionKind.Get:
                    return FindRecord(records, Mine, Doc.Text(inputs[action.IdParameter!])) is { } record
                        ? Success(new JsonObject { [singular] = record["record"]!.DeepClone() })
                        : NotFound(app, singular, Doc.Text(inputs[action.IdParameter!]));

                case ActionKind.Create:
                    var created = new JsonObject { ["id"] = NewRecordId(records, Mine, app) };
                    foreach (var (key, value) in inputs)
                    {
                        created[key] = value?.DeepClone();
                    }

                    created["created_at"] = partition.State.Timestamp();
                    records.Insert(new JsonObject { ["linked_account_id"] = accountId, ["app"] = app.Slug, ["resource"] = action.Resource, ["record"] = created.DeepClone() });
                    return Success(new JsonObject { [singular] = created });

                case ActionKind.Update:
                    var id = Doc.Text(inputs[action.IdParameter!]);
                    var target = FindRecord(records, Mine, id);
                    if (target is null)
                    {
                        return NotFound(app, singular, id);
                    }

                    var updated = records.Update(target.Str("_id")!, d =>
                    {
                        var record = (JsonObject)d["record"]!;
                        foreach (var (key, value) in inputs.Where(i => i.Key != action.IdParameter))
                        {
                            record[key] = value?.DeepClone();
                        }

                        record["updated_at"] = partition.State.Timestamp();
                    })!;
                    return Success(new JsonObject { [singular] = updated["record"]!.DeepClone() });

                default:
                    var gone = FindRecord(records, Mine, Doc.Text(inputs[action.IdParameter!]));
                    if (gone is null)
                    {
                        return NotFound(app, singular, Doc.Text(inputs[action.IdParameter!]));
                    }

                    records.Delete(gone.Str("_id")!);
                    return Success(new JsonObject { ["deleted"] = true, ["id"] = gone["record"]!["id"]?.DeepClone() });
            }
        });
    }

    private static JsonObject Success(JsonObject data) => new() { ["node_status"] = "Success", ["data"] = data };

    // The third-party app answered 404: the action ran, but its node failed.
    private static JsonObject NotFound(AppDefinition app, string what, string? id) => new()
    {
        ["node_status"] = "Errored",
        ["data"] = new JsonObject { ["status"] = 404, ["error"] = $"{app.Name} has no {what} with id '{id}'" },
    };

    private static JsonObject? FindRecord(DocumentCollection records, Func<JsonObject, bool> mine, string? id) =>
        id is null ? null : records.FindOne(d => mine(d) && Doc.Text(d["record"]?["id"]) == id);

    private static void EnsureSamples(DocumentCollection records, string accountId, AppDefinition app, string resource)
    {
        var seededMarker = $"{app.Slug}/{resource}";
        if (records.FindOne(d => Doc.Is(d, "linked_account_id", accountId) && Doc.Is(d, "seeded", seededMarker)) is not null)
        {
            return;
        }

        records.Insert(new JsonObject { ["linked_account_id"] = accountId, ["seeded"] = seededMarker });
        foreach (var sample in app.Samples.GetValueOrDefault(resource) ?? [])
        {
            records.Insert(new JsonObject { ["linked_account_id"] = accountId, ["app"] = app.Slug, ["resource"] = resource, ["record"] = sample.DeepClone() });
        }
    }

    private static string NewRecordId(DocumentCollection records, Func<JsonObject, bool> mine, AppDefinition app)
    {
        var count = records.Find(mine).Count + 1;
        return app.IdPrefix.Length == 0
            ? (9000 + count).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : app.IdPrefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    }
}
