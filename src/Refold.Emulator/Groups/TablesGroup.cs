using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Persistent tables: per linked account, up to 20 columns and 10,000 rows, each row with a UUID v4 record_id. Every
/// operation on one table needs the owning account (header, query or session token); another account's table is
/// "Table not found". Deleting a table only marks it is_deleted. Errors use the error_code envelope.
/// </summary>
internal sealed class TablesGroup : EmulatorGroup
{
    public const int MaxColumns = 20;
    public const int MaxRecords = 10_000;

    /// <summary>Seeded table of <see cref="DemoOrg.GlobexAccount"/>.</summary>
    public const string DemoLeadsTableId = "66a1f00dbeefcafe00000d01";

    /// <summary>Seeded table of <see cref="DemoOrg.InitechAccount"/>.</summary>
    public const string DemoInvoicesTableId = "66a1f00dbeefcafe00000d02";

    private const string Tables = "tables";

    // One document per row: {table_id, record_id, data: {column: value}}.
    private const string Records = "table_records";

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Tables.ListTables, List);
        routes.Map(Ops.Tables.CreateTable, Create, invalidInput: CreateInvalid);
        routes.Map(Ops.Tables.GetTableRecords, GetRecords);
        routes.Map(Ops.Tables.AddTableRecords, AddRecords);
        routes.Map(Ops.Tables.UpdateTableRecord, UpdateRecord);
        routes.Map(Ops.Tables.DeleteTable, DeleteTable);
        routes.Map(Ops.Tables.DeleteTableRecord, DeleteRecord);
        routes.Map(Ops.Tables.AddTableColumns, AddColumns);
        routes.Map(Ops.Tables.RemoveTableColumns, RemoveColumns);
        routes.Map(Ops.Tables.RenameTableColumns, RenameColumns);
        routes.Map(Ops.Tables.SearchTableRecords, Search);
        routes.Map(Ops.Tables.EditTableGroup, EditGroup);
    }

    public override void Seed(DemoSeed seed)
    {
        SeedTable(seed, DemoLeadsTableId, DemoOrg.GlobexAccount, "leads", "crm", ["email", "stage", "owner"],
        [
            ("3f0c8a52-1a7e-4c33-9e1f-5b2d6c7a8e90", ["pat@globex.example", "new", "dana"]),
            ("9b1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f", ["lee@globex.example", "won", "dana"]),
            ("c2a7e0d4-58b1-4f0e-9a3c-7d6e5f4a3b21", ["sam@globex.example", "qualified", "omar"]),
        ]);
        SeedTable(seed, DemoInvoicesTableId, DemoOrg.InitechAccount, "invoices", null, ["invoice_no", "amount"],
        [
            ("5e8f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b", ["INV-1001", "1200.00"]),
            ("6f9a2b3c-4d5e-4f6a-9b7c-8d9e0f1a2b3c", ["INV-1002", "87.50"]),
        ]);
    }

    private static void SeedTable(DemoSeed seed, string id, string account, string name, string? group, string[] columns, (string RecordId, string[] Values)[] rows)
    {
        var table = NewTable(seed.Org.Id, seed.Partition.Environment, account, name, columns);
        table["_id"] = id;
        if (group is not null)
        {
            table["group"] = group;
        }

        seed.Partition.Collection(Tables).Insert(table);
        var records = seed.Partition.Collection(Records);
        foreach (var (recordId, values) in rows)
        {
            var data = new JsonObject();
            for (var i = 0; i < columns.Length; i++)
            {
                data[columns[i]] = values[i];
            }

            records.Insert(new JsonObject { ["table_id"] = id, ["record_id"] = recordId, ["data"] = data });
        }
    }

    private static JsonObject NewTable(string orgId, string environment, string account, string name, IEnumerable<string> columns) => new()
    {
        ["org_id"] = orgId,
        ["linked_account_id"] = account,
        ["name"] = name,
        ["environment"] = environment,
        ["table_type"] = "persistent",
        ["is_deleted"] = false,
        ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)c)]),
    };

    private static EmulatorResult List(EmulatorRequest req)
    {
        var pattern = req.Query("name") is { } name ? req.Pattern("name", name) : null;
        var account = req.Caller.LinkedAccountId;
        var tables = req.Data.Collection(Tables).Find(t =>
            t.Bool("is_deleted") != true
            && (account is null || Doc.Is(t, "linked_account_id", account))
            && (pattern is null || pattern.MatchesText(t.Str("name"))));
        var records = req.Data.Collection(Records);
        var items = tables.Select(t =>
        {
            var view = t.Without("columns");
            view["record_count"] = records.Find(r => Doc.Is(r, "table_id", t.Str("_id"))).Count;
            return (JsonNode)view;
        }).ToList();
        return Paging.Page(req, items);
    }

    private static EmulatorResult CreateInvalid(string problem) =>
        RefoldErrors.Envelope(Ops.Tables.CreateTable, 400, "SERVER_ERROR",
            problem.EndsWith(" is required", StringComparison.Ordinal) ? "table_name and columns are required" : problem);

    private static EmulatorResult Create(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccount().Str("account_id")!;
        var name = req.Fields.Str("table_name")!;
        var names = ((JsonArray)req.Fields["columns"]!).Select(c => c.Str("column_name")).ToList();
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            throw req.BadRequest("every column needs a column_name");
        }

        var columns = names.OfType<string>().ToList();
        CheckColumns(req, columns);
        var tables = req.Data.Collection(Tables);
        return req.State.Atomically(() =>
        {
            var existing = tables.FindOne(t => Doc.Is(t, "name", name) && Doc.Is(t, "linked_account_id", account) && t.Bool("is_deleted") != true);
            if (existing is not null)
            {
                return new JsonObject { ["table_id"] = existing.Str("_id"), ["already_exists"] = true };
            }

            var table = tables.Insert(NewTable(req.Caller.OrgId!, req.Caller.Environment!, account, name, columns));
            req.Audit.Details["table_name"] = name;
            return new JsonObject { ["table_id"] = table.Str("_id") };
        });
    }

    private static EmulatorResult GetRecords(EmulatorRequest req)
    {
        var table = FindTable(req);
        var rows = RowsOf(req, table).Select(r => (JsonNode)Row(r)).ToList();
        var page = Paging.Page(req, rows, defaultLimit: 100);
        var result = new JsonObject { ["name"] = table.Str("name"), ["columns"] = table["columns"]!.DeepClone() };
        foreach (var (key, value) in page)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static EmulatorResult AddRecords(EmulatorRequest req)
    {
        var data = req.Fields["data"]!;
        var incoming = data is JsonArray many ? [.. many.Cast<JsonObject>()] : new List<JsonObject> { (JsonObject)data };
        var records = req.Data.Collection(Records);
        return req.State.Atomically(() =>
        {
            var table = FindTable(req);
            var id = table.Str("_id")!;
            var columns = Columns(table);
            var count = records.Find(r => Doc.Is(r, "table_id", id)).Count;
            if (count + incoming.Count > MaxRecords)
            {
                throw req.BadRequest($"A table holds at most {MaxRecords} records; table {table.Str("name")} has {count} and {incoming.Count} were sent");
            }

            var kept = incoming.Select(row => Only(row, columns)).ToList();
            var added = kept.Select(row => (JsonNode)Row(records.Insert(new JsonObject
            {
                ["table_id"] = id,
                ["record_id"] = Guid.NewGuid().ToString(),
                ["data"] = row,
            }))).ToList();
            return new JsonObject
            {
                ["add_record_result"] = new JsonArray([.. added]),
                ["transformed_add_data"] = data is JsonArray ? Doc.Array(kept) : kept[0].DeepClone(),
            };
        });
    }

    private static EmulatorResult UpdateRecord(EmulatorRequest req)
    {
        var changes = (JsonObject)req.Fields["data"]!;
        return req.State.Atomically(() =>
        {
            var table = FindTable(req);
            var values = Only(changes, Columns(table));
            if (values.Count == 0 && changes.Count > 0)
            {
                throw req.BadRequest($"data names no column of table {table.Str("name")}; its columns are {string.Join(", ", Columns(table))}");
            }

            var updated = req.Data.Collection(Records).UpdateOne(
                r => IsRecord(r, table, req.Route("record_id")),
                r =>
                {
                    var row = (JsonObject)r["data"]!;
                    foreach (var (key, value) in values)
                    {
                        row[key] = value?.DeepClone();
                    }
                });
            return Row(updated ?? throw RecordNotFound(req));
        });
    }

    private static EmulatorResult DeleteTable(EmulatorRequest req) =>
        req.State.Atomically(() =>
        {
            var table = FindTable(req);
            req.Data.Collection(Tables).Update(table.Str("_id")!, t => t["is_deleted"] = true);
            return (EmulatorResult)JsonValue.Create(true);
        });

    private static EmulatorResult DeleteRecord(EmulatorRequest req) =>
        req.State.Atomically(() =>
        {
            var table = FindTable(req);
            var records = req.Data.Collection(Records);
            var recordId = req.Route("record_id");
            var record = records.FindOne(r => IsRecord(r, table, recordId)) ?? throw RecordNotFound(req);
            records.Delete(record.Str("_id")!);
            return (EmulatorResult)Row(record);
        });

    private static EmulatorResult AddColumns(EmulatorRequest req)
    {
        var added = Strings(req.Fields["columns"]);
        return ChangeColumns(req, columns =>
        {
            if (added.Any(string.IsNullOrWhiteSpace))
            {
                throw req.BadRequest("column names must not be empty");
            }

            var taken = added.Where(columns.Contains).ToList();
            if (taken.Count > 0)
            {
                throw req.BadRequest($"column already exists: {string.Join(", ", taken)}");
            }

            var next = columns.Concat(added).ToList();
            CheckColumns(req, next);
            return (next, null);
        });
    }

    private static EmulatorResult RemoveColumns(EmulatorRequest req)
    {
        var removed = Strings(req.Fields["columns"]).ToHashSet(StringComparer.Ordinal);
        return ChangeColumns(req, columns =>
        {
            var unknown = removed.Where(c => !columns.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                throw req.BadRequest($"no such column: {string.Join(", ", unknown)}");
            }

            var next = columns.Where(c => !removed.Contains(c)).ToList();
            if (next.Count == 0)
            {
                throw req.BadRequest("A table must keep at least one column");
            }

            return (next, row =>
            {
                foreach (var column in removed)
                {
                    row.Remove(column);
                }
            });
        });
    }

    private static EmulatorResult RenameColumns(EmulatorRequest req)
    {
        var renames = ((JsonArray)req.Fields["renames"]!).Select(r => (Old: r.Str("old_name"), New: r.Str("new_name"))).ToList();
        if (renames.Any(r => string.IsNullOrWhiteSpace(r.Old) || string.IsNullOrWhiteSpace(r.New)))
        {
            throw req.BadRequest("every rename needs old_name and new_name");
        }

        if (renames.Select(r => r.Old).Distinct().Count() != renames.Count)
        {
            throw req.BadRequest("a column can be renamed only once per request");
        }

        // All renames apply at once, so chains (a->b, b->c) and swaps work.
        var map = renames.ToDictionary(r => r.Old!, r => r.New!, StringComparer.Ordinal);
        return ChangeColumns(req, columns =>
        {
            var unknown = map.Keys.Where(c => !columns.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                throw req.BadRequest($"no such column: {string.Join(", ", unknown)}");
            }

            var next = columns.Select(c => map.GetValueOrDefault(c, c)).ToList();
            var clashes = next.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (clashes.Count > 0)
            {
                throw req.BadRequest($"renaming would give duplicate columns: {string.Join(", ", clashes)}");
            }

            return (next, row =>
            {
                var renamed = new JsonObject();
                foreach (var (key, value) in row.ToList())
                {
                    row.Remove(key);
                    renamed[map.GetValueOrDefault(key, key)] = value;
                }

                foreach (var (key, value) in renamed.ToList())
                {
                    renamed.Remove(key);
                    row[key] = value;
                }
            });
        });
    }

    private static EmulatorResult Search(EmulatorRequest req)
    {
        var filters = req.Fields.Object.Select(f => (Column: f.Key, Match: Matcher(req, f.Key, f.Value))).ToList();
        var table = FindTable(req);
        return Doc.Array(RowsOf(req, table).Select(Row).Where(row => filters.All(f => f.Match(row[f.Column]))));
    }

    private static EmulatorResult EditGroup(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        var ids = Strings(req.Fields["tableIds"]).ToHashSet(StringComparer.Ordinal);
        var group = req.Fields.Str("group");
        req.Data.Collection(Tables).UpdateMany(
            t => ids.Contains(t.Str("_id")!) && Doc.Is(t, "linked_account_id", account) && t.Bool("is_deleted") != true,
            t => t.SetOrRemove("group", group));
        return EmulatorResult.Success(null);
    }

    // Applies a column change and the matching rewrite of every row, atomically; answers {columns}.
    private static EmulatorResult ChangeColumns(EmulatorRequest req, Func<List<string>, (List<string> Columns, Action<JsonObject>? Row)> change) =>
        req.State.Atomically(() =>
        {
            var table = FindTable(req);
            var (columns, rewrite) = change(Columns(table));
            var id = table.Str("_id")!;
            req.Data.Collection(Tables).Update(id, t => t["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)c)]));
            if (rewrite is not null)
            {
                req.Data.Collection(Records).UpdateMany(r => Doc.Is(r, "table_id", id), r => rewrite((JsonObject)r["data"]!));
            }

            return (EmulatorResult)new JsonObject { ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)c)]) };
        });

    private static void CheckColumns(EmulatorRequest req, IReadOnlyCollection<string> columns)
    {
        if (columns.Count > MaxColumns)
        {
            throw req.BadRequest($"A table can have at most {MaxColumns} columns, got {columns.Count}");
        }

        var duplicates = columns.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw req.BadRequest($"duplicate column: {string.Join(", ", duplicates)}");
        }

        if (columns.Contains("record_id"))
        {
            throw req.BadRequest("record_id is reserved and cannot be a column name");
        }
    }

    // A string filter value is a regular expression over the value's text; any other value must be equal.
    private static Func<JsonNode?, bool> Matcher(EmulatorRequest req, string column, JsonNode? expected)
    {
        if (expected is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var regex = req.Pattern(column, v.GetValue<string>());
            return actual => actual is JsonValue && regex.MatchesText(Doc.Text(actual));
        }

        return actual => JsonNode.DeepEquals(actual, expected);
    }

    /// <summary>The live table named by the route, owned by the account the call acts for; 404 otherwise.</summary>
    private static JsonObject FindTable(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        var id = req.Route("table_id");
        return req.Data.Collection(Tables).FindOne(t => Doc.Is(t, "_id", id) && Doc.Is(t, "linked_account_id", account) && t.Bool("is_deleted") != true)
            ?? throw req.NotFound("Table not found", "SERVER_ERROR");
    }

    private static List<JsonObject> RowsOf(EmulatorRequest req, JsonObject table) =>
        req.Data.Collection(Records).Find(r => Doc.Is(r, "table_id", table.Str("_id")));

    private static bool IsRecord(JsonObject record, JsonObject table, string recordId) =>
        Doc.Is(record, "table_id", table.Str("_id")) && Doc.Is(record, "record_id", recordId);

    private static EmulatorException RecordNotFound(EmulatorRequest req) => req.NotFound("Record not found", "SERVER_ERROR");

    /// <summary>A row as Refold returns it: record_id, then the values by column.</summary>
    private static JsonObject Row(JsonObject record)
    {
        var row = new JsonObject { ["record_id"] = record.Str("record_id") };
        foreach (var (key, value) in (JsonObject)record["data"]!)
        {
            row[key] = value?.DeepClone();
        }

        return row;
    }

    // The members of a sent row that are columns, in column order; other keys are dropped, as Refold does.
    private static JsonObject Only(JsonObject row, List<string> columns)
    {
        var kept = new JsonObject();
        foreach (var column in columns.Where(row.ContainsKey))
        {
            kept[column] = row[column]?.DeepClone();
        }

        return kept;
    }

    private static List<string> Columns(JsonObject table) => Strings(table["columns"]);

    private static List<string> Strings(JsonNode? array) => [.. (array as JsonArray ?? []).Select(Doc.Text).OfType<string>()];
}
