using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Emulator.Groups;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class TablesTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Leads = TablesGroup.DemoLeadsTableId;

    // The raw path of a table operation, from its catalog route.
    private static string PathOf(string operation, string tableId = Leads) =>
        RefoldCatalog.Find(operation)!.Route.Replace("{table_id}", tableId, StringComparison.Ordinal);

    private static Dictionary<string, string> Account(string id) => new() { ["linked_account_id"] = id };

    private static JsonArray Columns(params string[] names) => new([.. names.Select(n => (JsonNode)Js.O(("column_name", n)))]);

    private static async Task<string> NewTableAsync(EmulatorFixture f, string name, params string[] columns) =>
        (await f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", Js.O(("table_name", name), ("columns", Columns(columns))))).S("table_id")!;

    private static List<string?> Names(JsonNode? node, string key) => [.. node.A(key).Select(n => n?.GetValue<string>())];

    [Fact]
    public async Task ListTables_Seeded_ShowsBothTablesWithRecordCountsInThePagedEnvelope()
    {
        await using var f = await emulator.FreshOrgAsync();
        var page = await f.Org().SendAsync("list_tables");

        Assert.Equal(2, page!["totalDocs"]!.GetValue<int>());
        Assert.False(page["hasNextPage"]!.GetValue<bool>());
        var leads = page.A("docs").Single(t => t.S("_id") == Leads);
        Assert.Equal("leads", leads.S("name"));
        Assert.Equal(DemoOrg.GlobexAccount, leads.S("linked_account_id"));
        Assert.Equal("persistent", leads.S("table_type"));
        Assert.Equal(3, leads!["record_count"]!.GetValue<int>());
        Assert.False(leads["is_deleted"]!.GetValue<bool>());
        Assert.Equal("crm", leads.S("group"));
    }

    [Fact]
    public async Task ListTables_LinkedAccountAndNamePattern_FilterTheList()
    {
        await using var f = await emulator.FreshOrgAsync();
        var initech = await f.Org(DemoOrg.InitechAccount).SendAsync("list_tables");
        Assert.Equal(["invoices"], initech.A("docs").Select(t => t.S("name")));

        var matching = await f.Org().SendAsync("list_tables", Js.O(("name", "^lea")));
        Assert.Equal(["leads"], matching.A("docs").Select(t => t.S("name")));
        var none = await f.Org().SendAsync("list_tables", Js.O(("name", "^eads")));
        Assert.Empty(none.A("docs"));
    }

    [Fact]
    public async Task Table_CreateAddReadSearchUpdateDelete_ChangesItsRows()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var id = await NewTableAsync(f, "contacts", "email", "stage");

        var added = await client.SendAsync("add_table_records", Js.O(("table_id", id), ("data", new JsonArray(
            Js.O(("email", "pat@globex.example"), ("stage", "new"), ("not_a_column", 1)),
            Js.O(("email", "lee@globex.example"), ("stage", "won"))))));
        var rows = added.A("add_record_result");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.True(Guid.TryParse(r.S("record_id"), out var uuid));
            Assert.Equal(4, uuid.Version);
            Assert.Null(r!["not_a_column"]);
        });
        Assert.Equal(2, added.A("transformed_add_data").Count);

        var read = await client.SendAsync("get_table_records", Js.O(("table_id", id)));
        Assert.Equal("contacts", read.S("name"));
        Assert.Equal(["email", "stage"], Names(read, "columns"));
        Assert.Equal(100, read!["limit"]!.GetValue<int>());
        Assert.Equal(2, read["totalDocs"]!.GetValue<int>());
        Assert.Equal(["record_id", "email", "stage"], read.A("docs")[0]!.AsObject().Select(p => p.Key));

        var found = (await client.SendAsync("search_table_records", Js.O(("table_id", id), ("filters", Js.O(("email", "^pat@"))))))!.AsArray();
        var pat = Assert.Single(found);
        var recordId = pat.S("record_id");

        var updated = await client.SendAsync("update_table_record", Js.O(("table_id", id), ("record_id", recordId), ("data", Js.O(("stage", "qualified")))));
        Assert.Equal("qualified", updated.S("stage"));
        Assert.Equal("pat@globex.example", updated.S("email"));

        var deleted = await client.SendAsync("delete_table_record", Js.O(("table_id", id), ("record_id", recordId)));
        Assert.Equal("qualified", deleted.S("stage"));
        var after = await client.SendAsync("get_table_records", Js.O(("table_id", id)));
        Assert.Equal(["lee@globex.example"], after.A("docs").Select(r => r.S("email")));
    }

    [Fact]
    public async Task AddTableRecords_SingleObject_AddsOneRow()
    {
        await using var f = await emulator.FreshOrgAsync();
        var added = await f.Org(DemoOrg.GlobexAccount).SendAsync("add_table_records", Js.O(("table_id", Leads), ("data", Js.O(("email", "kim@globex.example")))));
        Assert.Single(added.A("add_record_result"));
        Assert.Equal("kim@globex.example", added!["transformed_add_data"].S("email"));
        var page = await f.Org(DemoOrg.GlobexAccount).SendAsync("get_table_records", Js.O(("table_id", Leads)));
        Assert.Equal(4, page!["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateTable_SameNameAgain_ReturnsTheExistingIdWithAlreadyExists()
    {
        await using var f = await emulator.FreshOrgAsync();
        var again = await f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", Js.O(("table_name", "leads"), ("columns", Columns("x"))));
        Assert.Equal(Leads, again.S("table_id"));
        Assert.True(again!["already_exists"]!.GetValue<bool>());

        // The same name for another account is another table.
        var other = await f.Org(DemoOrg.InitechAccount).SendAsync("create_table", Js.O(("table_name", "leads"), ("columns", Columns("x"))));
        Assert.NotEqual(Leads, other.S("table_id"));
        Assert.Null(other!["already_exists"]);
    }

    [Fact]
    public async Task CreateTable_MissingColumns_Is400InRefoldsWordsWithErrorCode()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, PathOf("create_table"), apiKey: f.ApiKey, body: Js.O(("table_name", "t")), headers: Account(DemoOrg.GlobexAccount));
        Assert.Equal(400, status);
        Assert.Equal("""{"status_code":400,"http_error_type":"BAD_REQUEST","error_code":"SERVER_ERROR","message":"table_name and columns are required"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task CreateTable_TooManyOrDuplicateColumns_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var tooMany = await EmulatorFixture.FailsAsync(client.SendAsync("create_table", Js.O(("table_name", "wide"), ("columns", Columns([.. Enumerable.Range(1, 21).Select(i => $"c{i}")])))));
        Assert.Equal(400, tooMany.StatusCode);
        Assert.Equal("SERVER_ERROR", tooMany.ErrorCode);
        Assert.Contains("at most 20 columns", tooMany.Message);

        var twice = await EmulatorFixture.FailsAsync(client.SendAsync("create_table", Js.O(("table_name", "dup"), ("columns", Columns("a", "a")))));
        Assert.Contains("duplicate column: a", twice.Message);
        Assert.Equal(2, (await f.Org().SendAsync("list_tables"))!["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateTable_UnknownLinkedAccount_Is404()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org("acct_nobody").SendAsync("create_table", Js.O(("table_name", "t"), ("columns", Columns("a")))));
        Assert.Equal(404, error.StatusCode);
        Assert.Contains("acct_nobody", error.Message);
    }

    [Fact]
    public async Task GetTableRecords_LimitAndPage_PageTheRows()
    {
        await using var f = await emulator.FreshOrgAsync();
        var page = await f.Org(DemoOrg.GlobexAccount).SendAsync("get_table_records", Js.O(("table_id", Leads), ("limit", 2), ("page", 2)));
        Assert.Equal(["sam@globex.example"], page.A("docs").Select(r => r.S("email")));
        Assert.Equal(3, page!["totalDocs"]!.GetValue<int>());
        Assert.Equal(2, page["totalPages"]!.GetValue<int>());
        Assert.False(page["hasNextPage"]!.GetValue<bool>());
        Assert.Equal("leads", page.S("name"));
    }

    [Fact]
    public async Task GetTableRecords_AnotherAccountsTable_Is404TableNotFound()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, PathOf("get_table_records"), apiKey: f.ApiKey, headers: Account(DemoOrg.InitechAccount));
        Assert.Equal(404, status);
        Assert.Equal("""{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"SERVER_ERROR","message":"Table not found"}""", body!.ToJsonString());

        // The rows are untouched by a write attempt from the other account.
        var (deleteStatus, _, _) = await f.RawAsync(HttpMethod.Delete, PathOf("delete_table"), apiKey: f.ApiKey, headers: Account(DemoOrg.InitechAccount));
        Assert.Equal(404, deleteStatus);
        Assert.Equal(3, (await f.Org(DemoOrg.GlobexAccount).SendAsync("get_table_records", Js.O(("table_id", Leads))))!["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetTableRecords_WithoutLinkedAccount_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, PathOf("get_table_records"), apiKey: f.ApiKey);
        Assert.Equal(400, status);
        Assert.Equal("linked_account_id is required", body.S("message"));
        Assert.Equal("MISSING_REQUIRED_FIELD", body.S("error_code"));
    }

    [Theory]
    [InlineData("list_tables")]
    [InlineData("create_table")]
    [InlineData("get_table_records")]
    [InlineData("search_table_records")]
    [InlineData("delete_table")]
    public async Task Tables_SessionToken_Is401InvalidCredentials(string operation)
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var method = RefoldCatalog.Find(operation)!.Method;
        var (status, body, _) = await f.RawAsync(method, PathOf(operation), bearer: token, body: method == HttpMethod.Post ? Js.O() : null);
        Assert.Equal(401, status);
        Assert.Equal("Invalid Credentials", body.S("message"));
    }

    [Fact]
    public async Task UpdateTableRecord_UnknownRecord_Is404RecordNotFound()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("update_table_record",
            Js.O(("table_id", Leads), ("record_id", Guid.NewGuid().ToString()), ("data", Js.O(("stage", "x"))))));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Record not found", error.Message);
    }

    [Fact]
    public async Task UpdateTableRecord_OnlyUnknownColumns_Is400NamingTheColumns()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("update_table_record",
            Js.O(("table_id", Leads), ("record_id", "3f0c8a52-1a7e-4c33-9e1f-5b2d6c7a8e90"), ("data", Js.O(("colour", "red"))))));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("email, stage, owner", error.Message);
    }

    [Fact]
    public async Task Columns_AddRenameChainedRemove_RewriteTheRows()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var id = await NewTableAsync(f, "chain", "a", "b");
        await client.SendAsync("add_table_records", Js.O(("table_id", id), ("data", Js.O(("a", "1"), ("b", "2")))));

        var added = await client.SendAsync("add_table_columns", Js.O(("table_id", id), ("columns", new JsonArray("x"))));
        Assert.Equal(["a", "b", "x"], Names(added, "columns"));

        // a->b and b->c apply together: the old b becomes c, the old a becomes b.
        var renamed = await client.SendAsync("rename_table_columns", Js.O(("table_id", id), ("renames", new JsonArray(
            Js.O(("old_name", "a"), ("new_name", "b")), Js.O(("old_name", "b"), ("new_name", "c"))))));
        Assert.Equal(["b", "c", "x"], Names(renamed, "columns"));
        var row = (await client.SendAsync("get_table_records", Js.O(("table_id", id)))).A("docs")[0];
        Assert.Equal("1", row.S("b"));
        Assert.Equal("2", row.S("c"));
        Assert.Null(row!["a"]);

        var removed = await client.SendAsync("remove_table_columns", Js.O(("table_id", id), ("columns", new JsonArray("b", "x"))));
        Assert.Equal(["c"], Names(removed, "columns"));
        row = (await client.SendAsync("get_table_records", Js.O(("table_id", id)))).A("docs")[0];
        Assert.Equal(["record_id", "c"], row!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Columns_InvalidChanges_Are400AndChangeNothing()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        async Task<string> Fails(string op, JsonObject args) => (await EmulatorFixture.FailsAsync(client.SendAsync(op, args.Also(a => a["table_id"] = Leads)))).Message;

        Assert.Contains("already exists: email", await Fails("add_table_columns", Js.O(("columns", new JsonArray("email")))));
        Assert.Contains("at most 20", await Fails("add_table_columns", Js.O(("columns", new JsonArray([.. Enumerable.Range(0, 18).Select(i => (JsonNode)$"n{i}")])))));
        Assert.Contains("no such column: nope", await Fails("remove_table_columns", Js.O(("columns", new JsonArray("nope")))));
        Assert.Contains("at least one column", await Fails("remove_table_columns", Js.O(("columns", new JsonArray("email", "stage", "owner")))));
        Assert.Contains("duplicate columns: email", await Fails("rename_table_columns", Js.O(("renames", new JsonArray(Js.O(("old_name", "stage"), ("new_name", "email")))))));

        var read = await client.SendAsync("get_table_records", Js.O(("table_id", Leads)));
        Assert.Equal(["email", "stage", "owner"], Names(read, "columns"));
    }

    [Fact]
    public async Task SearchTableRecords_FiltersCombine_AndNonStringsCompareEqual()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var both = (await client.SendAsync("search_table_records", Js.O(("table_id", Leads), ("filters", Js.O(("owner", "dana"))))))!.AsArray();
        Assert.Equal(2, both.Count);
        var one = (await client.SendAsync("search_table_records", Js.O(("table_id", Leads), ("filters", Js.O(("owner", "dana"), ("stage", "^w"))))))!.AsArray();
        Assert.Equal("lee@globex.example", Assert.Single(one).S("email"));
        var all = (await client.SendAsync("search_table_records", Js.O(("table_id", Leads), ("filters", Js.O()))))!.AsArray();
        Assert.Equal(3, all.Count);

        var id = await NewTableAsync(f, "scores", "name", "score");
        await client.SendAsync("add_table_records", Js.O(("table_id", id), ("data", new JsonArray(Js.O(("name", "a"), ("score", 10)), Js.O(("name", "b"), ("score", 100))))));
        var ten = (await client.SendAsync("search_table_records", Js.O(("table_id", id), ("filters", Js.O(("score", 10))))))!.AsArray();
        Assert.Equal("a", Assert.Single(ten).S("name"));
    }

    [Fact]
    public async Task SearchTableRecords_InvalidPattern_Is400NamingTheColumn()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("search_table_records", Js.O(("table_id", Leads), ("filters", Js.O(("email", "(unclosed"))))));
        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("email is not a valid regular expression", error.Message);
    }

    [Fact]
    public async Task DeleteTable_Existing_AnswersTrueAndSoftDeletes()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Delete, PathOf("delete_table"), apiKey: f.ApiKey, headers: Account(DemoOrg.GlobexAccount));
        Assert.Equal(200, status);
        Assert.Equal("true", body!.ToJsonString());

        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("get_table_records", Js.O(("table_id", Leads))));
        Assert.Equal(404, error.StatusCode);
        Assert.DoesNotContain((await f.Org().SendAsync("list_tables")).A("docs"), t => t.S("_id") == Leads);

        var stored = f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection("tables").Get(Leads);
        Assert.True(stored!["is_deleted"]!.GetValue<bool>());

        // The name is free again.
        var again = await f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", Js.O(("table_name", "leads"), ("columns", Columns("email"))));
        Assert.NotEqual(Leads, again.S("table_id"));
    }

    [Fact]
    public async Task AddTableRecords_BeyondTenThousandRows_Is400AndAddsNothing()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var id = await NewTableAsync(f, "big", "n");
        JsonArray Rows(int count) => new([.. Enumerable.Range(0, count).Select(i => (JsonNode)Js.O(("n", i)))]);
        await client.SendAsync("add_table_records", Js.O(("table_id", id), ("data", Rows(TablesGroup.MaxRecords - 1))));

        var error = await EmulatorFixture.FailsAsync(client.SendAsync("add_table_records", Js.O(("table_id", id), ("data", Rows(2)))));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("at most 10000 records", error.Message);
        var page = await client.SendAsync("get_table_records", Js.O(("table_id", id), ("limit", 1)));
        Assert.Equal(TablesGroup.MaxRecords - 1, page!["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public async Task EditTableGroup_SetThenClear_Answers204WithoutBody()
    {
        await using var f = await emulator.FreshOrgAsync();
        var id = await NewTableAsync(f, "other", "a");
        var (status, body, response) = await f.RawAsync(HttpMethod.Put, PathOf("edit_table_group"), apiKey: f.ApiKey,
            body: Js.O(("tableIds", new JsonArray(id, Leads)), ("group", "sales")), headers: Account(DemoOrg.GlobexAccount));
        Assert.Equal(204, status);
        Assert.Null(body);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);

        var tables = (await f.Org(DemoOrg.GlobexAccount).SendAsync("list_tables")).A("docs");
        Assert.All(tables, t => Assert.Equal("sales", t.S("group")));

        var result = await f.Org(DemoOrg.GlobexAccount).SendAsync("edit_table_group", Js.O(("tableIds", new JsonArray(id)), ("group", "")));
        Assert.Null(result);
        tables = (await f.Org(DemoOrg.GlobexAccount).SendAsync("list_tables")).A("docs");
        Assert.Null(tables.Single(t => t.S("_id") == id)!["group"]);
        Assert.Equal("sales", tables.Single(t => t.S("_id") == Leads).S("group"));
    }

    [Fact]
    public async Task EditTableGroup_AnotherAccountsTable_IsLeftAlone()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org(DemoOrg.InitechAccount).SendAsync("edit_table_group", Js.O(("tableIds", new JsonArray(Leads)), ("group", "stolen")));
        var leads = (await f.Org().SendAsync("list_tables")).A("docs").Single(t => t.S("_id") == Leads);
        Assert.Equal("crm", leads.S("group"));
    }

    [Fact]
    public async Task EditTableGroup_EmptyIds_Is400TableIdsRequired()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Put, PathOf("edit_table_group"), apiKey: f.ApiKey, body: Js.O(("tableIds", new JsonArray())), headers: Account(DemoOrg.GlobexAccount));
        Assert.Equal(400, status);
        Assert.Equal("tableIds is required", body.S("message"));
        Assert.Equal("SERVER_ERROR", body.S("error_code"));
    }

    [Fact]
    public async Task Tables_ProductionKey_SeeOnlyProductionTables()
    {
        await using var f = await emulator.FreshOrgAsync();
        f.Emulator.State.AddOrg("pk_demo_prod_tables", f.OrgId);
        var production = f.WithKey("pk_demo_prod_tables");
        Assert.Empty((await production.SendAsync("list_tables")).A("docs"));
        var error = await EmulatorFixture.FailsAsync(f.WithKey("pk_demo_prod_tables", DemoOrg.GlobexAccount).SendAsync("get_table_records", Js.O(("table_id", Leads))));
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task TableRowsAndAuditLog_RestartWithDataPath_AreKept()
    {
        var dir = Directory.CreateTempSubdirectory("refold-emulator-tables-").FullName;
        try
        {
            var path = System.IO.Path.Combine(dir, "state.json");
            string id;
            await using (var f = await EmulatorFixture.StartAsync(o => o.DataPath = path))
            {
                id = await NewTableAsync(f, "kept", "k");
                await f.Org(DemoOrg.GlobexAccount).SendAsync("add_table_records", Js.O(("table_id", id), ("data", Js.O(("k", "v")))));
            }

            await using (var f = await EmulatorFixture.StartAsync(o => o.DataPath = path))
            {
                var rows = await f.Org(DemoOrg.GlobexAccount).SendAsync("get_table_records", Js.O(("table_id", id)));
                Assert.Equal("v", Assert.Single(rows.A("docs")).S("k"));
                var log = await f.Org().SendAsync("list_audit_logs");
                Assert.Equal(["add_table_records", "create_table"], log.A("docs").Select(d => d.S("action")));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
