using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Emulator.Groups;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class AuditTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private static JsonObject NewTable(string name) =>
        Js.O(("table_name", name), ("columns", new JsonArray(Js.O(("column_name", "a")))));

    [Fact]
    public async Task ListAuditLogs_FreshOrg_IsAnEmptyPage()
    {
        await using var f = await emulator.FreshOrgAsync();
        var page = await f.Org().SendAsync("list_audit_logs");
        Assert.Empty(page.A("docs"));
        Assert.Equal(0, page!["totalDocs"]!.GetValue<int>());
        Assert.False(page["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ListAuditLogs_AfterWrites_ShowsOneEntryPerWriteNewestFirst()
    {
        await using var f = await emulator.FreshOrgAsync();
        var table = await f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", NewTable("audited"));
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        await f.Org().SendAsync("create_webhook", Js.O(("webhook_url", "https://hooks.example.com/a"), ("webhook_events", new JsonArray("Workflow Completed"))));
        await f.Org().SendAsync("list_tables"); // reads are not audited

        var docs = (await f.Org().SendAsync("list_audit_logs")).A("docs");
        Assert.Equal(["WEBHOOK_CREATED", "TABLE_CREATED"], docs.Select(d => d.S("event")));
        var created = docs[1]!;
        Assert.Equal("create_table", created.S("action"));
        Assert.Equal("POST", created.S("method"));
        Assert.Equal(RefoldCatalog.Find("create_table")!.Route, created.S("path"));
        Assert.Equal(DemoOrg.GlobexAccount, created.S("linked_account_id"));
        Assert.Equal("api_key", created.S("actor"));
        Assert.Equal("audited", created["details"].S("table_name"));
        Assert.Equal(f.Stamp(TimeSpan.Zero), created.S("createdAt"));
        Assert.Equal(f.Stamp(TimeSpan.FromSeconds(1)), docs[0].S("createdAt"));
        Assert.Matches("^[0-9a-f]{24}$", created.S("_id"));

        await f.Org(DemoOrg.GlobexAccount).SendAsync("delete_table", Js.O(("table_id", table.S("table_id"))));
        var deleted = (await f.Org().SendAsync("list_audit_logs")).A("docs")[0];
        Assert.Equal("TABLE_DELETED", deleted.S("event"));
        Assert.Equal(table.S("table_id"), deleted!["target"].S("table_id"));
    }

    [Fact]
    public async Task ListAuditLogs_FailedWrite_IsNotRecorded()
    {
        await using var f = await emulator.FreshOrgAsync();
        await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("delete_table", Js.O(("table_id", "66a1f00dbeefcafe00000dff"))));
        await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", Js.O(("table_name", "x"), ("columns", new JsonArray(Js.O(("column_name", "a")), Js.O(("column_name", "a")))))));
        Assert.Empty((await f.Org().SendAsync("list_audit_logs")).A("docs"));
    }

    [Fact]
    public async Task ListAuditLogs_EntriesOlderThan30Days_AreLeftOut()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", NewTable("old"));
        f.Clock.Advance(AuditGroup.LogWindow + TimeSpan.FromMinutes(1));
        await f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", NewTable("new"));

        var logs = (await f.Org().SendAsync("list_audit_logs")).A("docs");
        Assert.Equal(["new"], logs.Select(d => d!["details"].S("table_name")));
        var trails = (await f.Org(DemoOrg.GlobexAccount).SendAsync("list_audit_trails")).A("docs");
        Assert.Equal(["new", "old"], trails.Select(d => d!["details"].S("table_name")));
    }

    [Fact]
    public async Task ListAuditLogs_ManyWrites_ArePaged()
    {
        await using var f = await emulator.FreshOrgAsync();
        for (var i = 0; i < 12; i++)
        {
            await f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", NewTable($"t{i}"));
        }

        var first = await f.Org().SendAsync("list_audit_logs");
        Assert.Equal(10, first.A("docs").Count);
        Assert.Equal(12, first!["totalDocs"]!.GetValue<int>());
        Assert.True(first["hasNextPage"]!.GetValue<bool>());
        var second = await f.Org().SendAsync("list_audit_logs", Js.O(("page", 2)));
        Assert.Equal(["t1", "t0"], second.A("docs").Select(d => d!["details"].S("table_name")));
    }

    [Fact]
    public async Task ListAuditLogs_SessionToken_Is401InvalidCredentials()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, RefoldCatalog.Find("list_audit_logs")!.Route, bearer: token);
        Assert.Equal(401, status);
        Assert.Equal("Invalid Credentials", body.S("message"));
    }

    [Fact]
    public async Task ListAuditTrails_OneAccount_SeesOnlyItsOwnEntries()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", NewTable("g"));
        await f.Org(DemoOrg.InitechAccount).SendAsync("create_dataref", Js.O(("refName", "i")));
        var token = await f.TokenForAsync(DemoOrg.InitechAccount);
        var session = f.Session(token);
        await session.SendAsync("set_variable_value", Js.O(("variable_definition_id", "66a1f00dbeefcafe00000e01"), ("value", "https://erp.i.example")));

        var initech = (await session.SendAsync("list_audit_trails")).A("docs");
        Assert.Equal(["ENVIRONMENT_VARIABLE_CREATED", "DATAREF_CREATED"], initech.Select(d => d.S("event")));
        Assert.Equal("session_token", initech[0].S("actor"));
        Assert.All(initech, d => Assert.Equal(DemoOrg.InitechAccount, d.S("linked_account_id")));

        var globex = (await f.Org(DemoOrg.GlobexAccount).SendAsync("list_audit_trails")).A("docs");
        Assert.Equal(["TABLE_CREATED"], globex.Select(d => d.S("event")));
    }

    [Fact]
    public async Task ListAuditTrails_SecretValues_AreNeverRecorded()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org(DemoOrg.GlobexAccount).SendAsync("set_variable_value", Js.O(("variable_definition_id", "66a1f00dbeefcafe00000e02"), ("value", "s3cret-token-value")));
        var trails = await f.Org(DemoOrg.GlobexAccount).SendAsync("list_audit_trails");
        var entry = Assert.Single(trails.A("docs"));
        Assert.Equal("ERP_TOKEN", entry!["details"].S("name"));
        Assert.DoesNotContain("s3cret", trails!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAuditTrails_OrgKeyWithoutAccount_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, RefoldCatalog.Find("list_audit_trails")!.Route, apiKey: f.ApiKey);
        Assert.Equal(400, status);
        Assert.Equal("linked_account_id is required", body.S("message"));
    }

    [Fact]
    public async Task ListAuditEventsReceived_WritesThatAreNotEvents_AreNotListed()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org(DemoOrg.GlobexAccount).SendAsync("create_table", NewTable("not_an_event"));
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var page = await f.Session(token).SendAsync("list_audit_events_received");
        Assert.Empty(page.A("docs"));
        Assert.Equal(0, page!["totalDocs"]!.GetValue<int>());
        var trails = (await f.Org(DemoOrg.GlobexAccount).SendAsync("list_audit_trails")).A("docs");
        Assert.Equal(["TABLE_CREATED"], trails.Select(d => d.S("event")));
    }
}
