using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class DatarefsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    // The raw path of a dataref operation, from its catalog route.
    private static string PathOf(string operation, string refName = "sku_map") =>
        RefoldCatalog.Find(operation)!.Route.Replace("{refName}", refName, StringComparison.Ordinal);

    private static Dictionary<string, string> Account(string id) => new() { ["linked_account_id"] = id };

    [Fact]
    public async Task ListDatarefs_Seeded_ListsBothWithoutTheirData()
    {
        await using var f = await emulator.FreshOrgAsync();
        var page = await f.Org().SendAsync("list_datarefs");
        Assert.Equal(2, page!["totalDocs"]!.GetValue<int>());
        var sku = page.A("docs").Single(d => d.S("name") == "sku_map");
        Assert.Equal(DemoOrg.GlobexAccount, sku.S("linked_account_id"));
        Assert.Equal("test", sku.S("environment"));
        Assert.Equal("catalog", sku.S("group"));
        Assert.Null(sku!["data"]);
    }

    [Fact]
    public async Task ListDatarefs_LinkedAccountAndUnique_FilterAndGroupByName()
    {
        await using var f = await emulator.FreshOrgAsync();
        var initech = await f.Org().SendAsync("list_datarefs", Js.O(("linked_account_id", DemoOrg.InitechAccount)));
        Assert.Equal(["region_codes"], initech.A("docs").Select(d => d.S("name")));

        await f.Org(DemoOrg.InitechAccount).SendAsync("create_dataref", Js.O(("refName", "sku_map")));
        var unique = await f.Org().SendAsync("list_datarefs", Js.O(("unique", "true")));
        Assert.Equal(2, unique!["totalDocs"]!.GetValue<int>());
        var sku = unique.A("docs").Single(d => d.S("name") == "sku_map");
        Assert.Equal([DemoOrg.GlobexAccount, DemoOrg.InitechAccount], sku.A("linked_accounts").Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task GetDataref_Seeded_ReadsAsHeadersAndPagedRows()
    {
        await using var f = await emulator.FreshOrgAsync();
        var table = await f.Org(DemoOrg.GlobexAccount).SendAsync("get_dataref", Js.O(("refName", "sku_map")));
        Assert.Equal(["record_id", "sku", "erp_code", "warehouse"], table.A("headers").Select(h => h!.GetValue<string>()));
        Assert.Equal(100, table!["limit"]!.GetValue<int>());
        Assert.Equal(3, table["totalDocs"]!.GetValue<int>());
        Assert.Null(table["docs"]);
        var first = table.A("rows")[0];
        Assert.Equal("1", first.S("record_id"));
        Assert.Equal("E-778", first.S("erp_code"));

        var second = await f.Org(DemoOrg.GlobexAccount).SendAsync("get_dataref", Js.O(("refName", "sku_map"), ("limit", 2), ("page", 2)));
        Assert.Equal(["3"], second.A("rows").Select(r => r.S("record_id")));
        Assert.Equal(2, second!["totalPages"]!.GetValue<int>());
        Assert.False(second["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateDataref_New_IsEmptyAndReadsAsRecordIdHeaderOnly()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.InitechAccount);
        var created = await client.SendAsync("create_dataref", Js.O(("refName", "price_list")));
        Assert.Equal("price_list", created.S("name"));
        Assert.Equal(DemoOrg.InitechAccount, created.S("linked_account_id"));
        Assert.Empty(created!["data"]!.AsObject());
        Assert.Matches("^[0-9a-f]{24}$", created.S("_id"));

        var table = await client.SendAsync("get_dataref", Js.O(("refName", "price_list")));
        Assert.Equal(["record_id"], table.A("headers").Select(h => h!.GetValue<string>()));
        Assert.Empty(table.A("rows"));
        Assert.Equal(3, (await f.Org().SendAsync("list_datarefs"))!["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateDataref_TakenName_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("create_dataref", Js.O(("refName", "sku_map"))));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("already exists", error.Message);
    }

    [Fact]
    public async Task CreateDataref_MissingRefName_Is400InTheErrorEnvelope()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, PathOf("create_dataref"), apiKey: f.ApiKey, body: Js.O(), headers: Account(DemoOrg.GlobexAccount));
        Assert.Equal(400, status);
        Assert.Equal("""{"status_code":400,"http_error_type":"BAD_REQUEST","error":"SERVER_ERROR","message":"refName is required"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task CreateDataref_UnknownLinkedAccount_Is404()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org("acct_nobody").SendAsync("create_dataref", Js.O(("refName", "x"))));
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task ClearDatarefRecords_Existing_EmptiesItButKeepsIt()
    {
        await using var f = await emulator.FreshOrgAsync();
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var cleared = await f.Org(DemoOrg.GlobexAccount).SendAsync("clear_dataref_records", Js.O(("refName", "sku_map")));
        Assert.Empty(cleared!["data"]!.AsObject());
        Assert.Equal(f.Stamp(TimeSpan.FromMinutes(5)), cleared.S("updatedAt"));

        var table = await f.Org(DemoOrg.GlobexAccount).SendAsync("get_dataref", Js.O(("refName", "sku_map")));
        Assert.Empty(table.A("rows"));
        Assert.Equal(0, table!["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public async Task ClearDatarefRecords_Unknown_Is404DatarefNotFound()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Put, PathOf("clear_dataref_records", "nope"), apiKey: f.ApiKey, headers: Account(DemoOrg.GlobexAccount));
        Assert.Equal(404, status);
        Assert.Equal("""{"status_code":404,"http_error_type":"NOT_FOUND","error":"SERVER_ERROR","message":"Dataref not found"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task GetDataref_AnotherAccountsDataref_Is404()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.InitechAccount).SendAsync("get_dataref", Js.O(("refName", "sku_map"))));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Dataref not found", error.Message);

        // Nor can that account clear or delete it.
        await EmulatorFixture.FailsAsync(f.Org(DemoOrg.InitechAccount).SendAsync("clear_dataref_records", Js.O(("refName", "sku_map"))));
        var deleted = await f.Org(DemoOrg.InitechAccount).SendAsync("delete_dataref", Js.O(("refName", "sku_map")));
        Assert.Equal(0, deleted!["deletedCount"]!.GetValue<int>());
        Assert.Equal(3, (await f.Org(DemoOrg.GlobexAccount).SendAsync("get_dataref", Js.O(("refName", "sku_map"))))!["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeleteDataref_Existing_RemovesItThenMatchesNothing()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var first = await client.SendAsync("delete_dataref", Js.O(("refName", "sku_map")));
        Assert.Equal("""{"acknowledged":true,"deletedCount":1}""", first!.ToJsonString());
        var again = await client.SendAsync("delete_dataref", Js.O(("refName", "sku_map")));
        Assert.Equal(0, again!["deletedCount"]!.GetValue<int>());
        await EmulatorFixture.FailsAsync(client.SendAsync("get_dataref", Js.O(("refName", "sku_map"))));
    }

    [Fact]
    public async Task EditDatarefGroup_SetThenClear_Answers204WithoutBody()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org(DemoOrg.GlobexAccount).SendAsync("create_dataref", Js.O(("refName", "extra")));
        var (status, body, response) = await f.RawAsync(HttpMethod.Put, PathOf("edit_dataref_group"), apiKey: f.ApiKey,
            body: Js.O(("refNames", new JsonArray("sku_map", "extra", "region_codes")), ("group", "ops")), headers: Account(DemoOrg.GlobexAccount));
        Assert.Equal(204, status);
        Assert.Null(body);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);

        var docs = (await f.Org().SendAsync("list_datarefs")).A("docs");
        Assert.Equal("ops", docs.Single(d => d.S("name") == "extra").S("group"));
        Assert.Equal("ops", docs.Single(d => d.S("name") == "sku_map").S("group"));
        Assert.Null(docs.Single(d => d.S("name") == "region_codes")!["group"]); // another account's: untouched

        Assert.Null(await f.Org(DemoOrg.GlobexAccount).SendAsync("edit_dataref_group", Js.O(("refNames", new JsonArray("extra")), ("group", ""))));
        docs = (await f.Org().SendAsync("list_datarefs")).A("docs");
        Assert.Null(docs.Single(d => d.S("name") == "extra")!["group"]);
    }

    [Fact]
    public async Task EditDatarefGroup_EmptyNames_Is400RefNamesRequired()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Put, PathOf("edit_dataref_group"), apiKey: f.ApiKey, body: Js.O(("refNames", new JsonArray())), headers: Account(DemoOrg.GlobexAccount));
        Assert.Equal(400, status);
        Assert.Equal("refNames is required", body.S("message"));
    }

    [Theory]
    [InlineData("list_datarefs")]
    [InlineData("get_dataref")]
    [InlineData("clear_dataref_records")]
    public async Task Datarefs_SessionToken_Is401InvalidCredentials(string operation)
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var (status, body, _) = await f.RawAsync(RefoldCatalog.Find(operation)!.Method, PathOf(operation), bearer: token);
        Assert.Equal(401, status);
        Assert.Equal("Invalid Credentials", body.S("message"));
    }
}
