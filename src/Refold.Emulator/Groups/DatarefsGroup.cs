using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Datarefs: named reference-data stores per linked account, addressed by name. The stored form is
/// <c>data: {record_id: [{key, value}, ...]}</c>; get_dataref reshapes it into <c>headers</c> + <c>rows</c>, paged by
/// record id in insertion order. Errors use the standard <c>error</c> envelope.
/// </summary>
internal sealed class DatarefsGroup : EmulatorGroup
{
    private const string Datarefs = "datarefs";

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Datarefs.ListDatarefs, List);
        routes.Map(Ops.Datarefs.CreateDataref, Create);
        routes.Map(Ops.Datarefs.GetDataref, AsTable);
        routes.Map(Ops.Datarefs.DeleteDataref, Delete);
        routes.Map(Ops.Datarefs.ClearDatarefRecords, Clear);
        routes.Map(Ops.Datarefs.EditDatarefGroup, EditGroup);
    }

    public override void Seed(DemoSeed seed)
    {
        SeedDataref(seed, DemoOrg.GlobexAccount, "sku_map", "catalog", ["sku", "erp_code", "warehouse"],
        [
            ("1", ["WID-01", "E-778", "AMS"]),
            ("2", ["WID-02", "E-779", "AMS"]),
            ("3", ["GAD-07", "E-912", "RTM"]),
        ]);
        SeedDataref(seed, DemoOrg.InitechAccount, "region_codes", null, ["region", "code"],
        [
            ("1", ["North America", "NA"]),
            ("2", ["Europe", "EU"]),
        ]);
    }

    private static void SeedDataref(DemoSeed seed, string account, string name, string? group, string[] keys, (string RecordId, string[] Values)[] records)
    {
        var data = new JsonObject();
        foreach (var (recordId, values) in records)
        {
            data[recordId] = new JsonArray([.. keys.Select((k, i) => (JsonNode)new JsonObject { ["key"] = k, ["value"] = values[i] })]);
        }

        var dataref = NewDataref(seed.Org.Id, seed.Partition.Environment, account, name);
        dataref["data"] = data;
        if (group is not null)
        {
            dataref["group"] = group;
        }

        seed.Partition.Collection(Datarefs).Insert(dataref);
    }

    private static JsonObject NewDataref(string orgId, string environment, string account, string name) => new()
    {
        ["linked_account_id"] = account,
        ["org_id"] = orgId,
        ["environment"] = environment,
        ["name"] = name,
        ["data"] = new JsonObject(),
    };

    private static EmulatorResult List(EmulatorRequest req)
    {
        var account = req.Caller.LinkedAccountId;
        var all = req.Data.Collection(Datarefs).Find(d => account is null || Doc.Is(d, "linked_account_id", account));
        List<JsonNode?> items = req.Query("unique") == "true"
            ? [.. all.GroupBy(d => d.Str("name")).Select(g => (JsonNode)new JsonObject
            {
                ["_id"] = g.Key,
                ["name"] = g.Key,
                ["linked_accounts"] = new JsonArray([.. g.Select(d => (JsonNode?)d.Str("linked_account_id"))]),
            })]
            : [.. all.Select(d => (JsonNode)d.Without("data"))];
        return Paging.Page(req, items);
    }

    private static EmulatorResult Create(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccount().Str("account_id")!;
        var name = req.Fields.Str("refName")!;
        var datarefs = req.Data.Collection(Datarefs);
        return req.State.Atomically(() =>
        {
            if (datarefs.FindOne(d => Mine(d, account, name)) is not null)
            {
                throw req.BadRequest($"Dataref with name {name} already exists for linked account {account}");
            }

            req.Audit.Details["refName"] = name;
            return datarefs.Insert(NewDataref(req.Caller.OrgId!, req.Caller.Environment!, account, name));
        });
    }

    private static EmulatorResult AsTable(EmulatorRequest req)
    {
        var dataref = Find(req);
        var headers = new List<string> { "record_id" };
        var rows = new List<JsonNode?>();
        foreach (var (recordId, cells) in (JsonObject)dataref["data"]!)
        {
            var row = new JsonObject { ["record_id"] = recordId };
            foreach (var cell in cells as JsonArray ?? [])
            {
                if (cell.Str("key") is not { } key)
                {
                    continue;
                }

                row[key] = cell!["value"]?.DeepClone();
                if (!headers.Contains(key))
                {
                    headers.Add(key);
                }
            }

            rows.Add(row);
        }

        var page = Paging.Page(req, rows, defaultLimit: 100, itemsKey: "rows");
        var result = new JsonObject { ["headers"] = new JsonArray([.. headers.Select(h => (JsonNode)h)]) };
        foreach (var (key, value) in page)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static EmulatorResult Delete(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        var name = req.Route("refName");
        var deleted = req.Data.Collection(Datarefs).DeleteWhere(d => Mine(d, account, name));
        return new JsonObject { ["acknowledged"] = true, ["deletedCount"] = deleted };
    }

    private static EmulatorResult Clear(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        var name = req.Route("refName");
        return req.Data.Collection(Datarefs).UpdateOne(d => Mine(d, account, name), d => d["data"] = new JsonObject())
            ?? throw NotFound(req);
    }

    private static EmulatorResult EditGroup(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        var names = ((JsonArray)req.Fields["refNames"]!).Select(Doc.Text).ToHashSet(StringComparer.Ordinal);
        var group = req.Fields.Str("group");
        req.Data.Collection(Datarefs).UpdateMany(
            d => Doc.Is(d, "linked_account_id", account) && names.Contains(d.Str("name")),
            d => d.SetOrRemove("group", group));
        return EmulatorResult.Success(null);
    }

    private static JsonObject Find(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        var name = req.Route("refName");
        return req.Data.Collection(Datarefs).FindOne(d => Mine(d, account, name)) ?? throw NotFound(req);
    }

    private static bool Mine(JsonObject dataref, string account, string name) =>
        Doc.Is(dataref, "linked_account_id", account) && Doc.Is(dataref, "name", name);

    private static EmulatorException NotFound(EmulatorRequest req) => req.NotFound("Dataref not found", "SERVER_ERROR");
}
