using System.Text.Json.Nodes;
using Refold.Api.Errors;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class LinkedAccountsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    [Fact]
    public async Task CreateLinkedAccount_NewId_IsListedAndStoredWithUdf()
    {
        await using var f = await emulator.FreshOrgAsync();
        var created = await f.Org().SendAsync("create_linked_account", Js.O(("account_id", "acct_new"), ("name", "Hooli"), ("udf", Js.O(("tier", "gold")))));

        Assert.Equal("acct_new", created.S("account_id"));
        Assert.Equal("test", created.S("environment"));
        Assert.Matches("^[0-9a-f]{24}$", created.S("_id"));
        Assert.Null(created!["integrations"]);
        Assert.Equal("gold", created.A("udf")[0].S("key_value"));
        Assert.Equal("2026-11-27T12:00:00.000Z", created.S("createdAt"));

        var page = await f.Org().SendAsync("list_linked_accounts", Js.O(("limit", 10L)));
        Assert.Equal(3, page!["totalDocs"]!.GetValue<int>());
        Assert.Contains(page.A("docs"), d => d.S("account_id") == "acct_new");
        var stored = f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection(Collections.LinkedAccounts).FindOne(a => Doc.Is(a, "account_id", "acct_new"));
        Assert.Equal("Hooli", stored.S("name"));
    }

    [Fact]
    public async Task CreateLinkedAccount_NoId_Is400InvalidLinkedAccountId()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org().SendAsync("create_linked_account", Js.O(("name", "Nameless"))));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("INVALID_LINKED_ACCOUNT_ID", error.ErrorCode);
    }

    [Fact]
    public async Task CreateLinkedAccount_DuplicateId_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org().SendAsync("create_linked_account", Js.O(("account_id", DemoOrg.GlobexAccount))));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("already exists", error.Message);
    }

    [Fact]
    public async Task ListLinkedAccounts_SecondPage_HasMongoosePagingFields()
    {
        await using var f = await emulator.FreshOrgAsync();
        var page = await f.Org().SendAsync("list_linked_accounts", Js.O(("page", 2L), ("limit", 1L)));

        Assert.Single(page.A("docs"));
        Assert.Equal(2, page!["totalDocs"]!.GetValue<int>());
        Assert.Equal(2, page["totalPages"]!.GetValue<int>());
        Assert.Equal(2, page["pagingCounter"]!.GetValue<int>());
        Assert.True(page["hasPrevPage"]!.GetValue<bool>());
        Assert.False(page["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(1, page["prevPage"]!.GetValue<int>());
        Assert.Null(page["nextPage"]);
        Assert.Null(page.A("docs")[0]!["integrations"]![0]!["connections"]);
    }

    [Fact]
    public async Task ListLinkedAccounts_BadLimit_Is400NamingTheField()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/linked-account?limit=abc", apiKey: f.ApiKey);
        Assert.Equal(400, status);
        Assert.Contains("limit", body.S("message"));
    }

    [Fact]
    public async Task UpsertLinkedAccount_ExistingThenNew_ReportsNewAccountAndMergesUdf()
    {
        await using var f = await emulator.FreshOrgAsync();
        var updated = await f.Org().SendAsync("upsert_linked_account", Js.O(("account_id", DemoOrg.GlobexAccount), ("payload", Js.O(("name", "Globex EMEA"), ("udf", Js.O(("tier", "platinum")))))));
        Assert.False(updated!["new_account"]!.GetValue<bool>());
        Assert.Equal("Globex EMEA", updated.S("name"));
        Assert.Contains(updated.A("udf"), u => u.S("key_name") == "tier" && u.S("key_value") == "platinum");
        Assert.Contains(updated.A("udf"), u => u.S("key_name") == "region");

        var created = await f.Org().SendAsync("upsert_linked_account", Js.O(("linked_account_id", "acct_upserted")));
        Assert.True(created!["new_account"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UpsertLinkedAccount_SessionToken_UpdatesTheTokensOwnAccount()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.InitechAccount);
        var updated = await f.Session(token).SendAsync("upsert_linked_account", Js.O(("account_id", DemoOrg.GlobexAccount), ("name", "Renamed")));
        Assert.Equal(DemoOrg.InitechAccount, updated.S("account_id"));
        var globex = await f.Org().SendAsync("get_linked_account", Js.O(("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.Equal("Globex Corp", globex.S("name"));
    }

    [Fact]
    public async Task GetLinkedAccount_Unknown_Is404WithRefoldMessage()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org().SendAsync("get_linked_account", Js.O(("linked_account_id", "acct_nope"))));
        Assert.Equal(RefoldErrorKind.NotFound, error.Kind);
        Assert.Equal($"Linked Account with account id acct_nope for org {f.OrgId} in environment test not found", error.Message);
    }

    [Fact]
    public async Task GetLinkedAccount_Seeded_StripsSecretsOfIntegrations()
    {
        await using var f = await emulator.FreshOrgAsync();
        var account = await f.Org().SendAsync("get_linked_account", Js.O(("linked_account_id", DemoOrg.GlobexAccount)));
        var text = account!.ToJsonString();
        Assert.Contains("hubspot", text);
        Assert.DoesNotContain("access_token", text);
        Assert.DoesNotContain("globex-demo-key", text);
    }

    [Fact]
    public async Task DeleteLinkedAccount_Existing_RemovesItAndKillsItsTokens()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.InitechAccount);
        var deleted = await f.Org().SendAsync("delete_linked_account", Js.O(("linked_account_id", DemoOrg.InitechAccount)));
        Assert.Equal("User deleted successfully", deleted.S("message"));

        var again = await EmulatorFixture.FailsAsync(f.Org().SendAsync("delete_linked_account", Js.O(("linked_account_id", DemoOrg.InitechAccount))));
        Assert.Equal(404, again.StatusCode);
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/session/active-linked-account", bearer: token);
        Assert.Equal(401, status);
        Assert.Equal("Invalid token", body.S("message"));
    }

    [Fact]
    public async Task DeleteLinkedAccountIntegration_ConnectedApp_DisconnectsAndPublishesConnectionDeleted()
    {
        await using var f = await emulator.FreshOrgAsync();
        var events = new List<EmulatorEvent>();
        f.Emulator.Events.Published += events.Add;

        var account = await f.Org().SendAsync("delete_linked_account_integration", Js.O(("slug", "hubspot"), ("linked_account_id", DemoOrg.GlobexAccount)));

        Assert.DoesNotContain(account.A("integrations"), i => i.S("type") == "hubspot");
        var e = Assert.Single(events);
        Assert.Equal("Connection Deleted", e.Name);
        Assert.Equal("hubspot", e.Payload.S("slug"));
        Assert.Equal(DemoOrg.GlobexAccount, e.Payload.S("linked_account_id"));
        Assert.Equal("Fri, 27 Nov 2026 12:00:00 GMT", e.Payload.S("createdAt"));
    }

    [Fact]
    public async Task DeleteLinkedAccountIntegration_NeverConnected_Succeeds()
    {
        await using var f = await emulator.FreshOrgAsync();
        var account = await f.Org().SendAsync("delete_linked_account_integration", Js.O(("slug", "jira"), ("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.Equal(4, account.A("integrations").Count);
    }

    [Fact]
    public async Task GetActiveLinkedAccount_SessionToken_ReturnsItsAccount()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var account = await f.Session(token).SendAsync("get_active_linked_account");
        Assert.Equal(DemoOrg.GlobexAccount, account.S("account_id"));
    }

    [Fact]
    public async Task ListLinkedAccounts_SessionToken_Is401InvalidCredentials()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/linked-account", bearer: token);
        Assert.Equal(401, status);
        Assert.Equal(Js.O(("status_code", 401), ("http_error_type", "UNAUTHORIZED"), ("error", "SERVER_ERROR"), ("message", "Invalid Credentials")).ToJsonString(), body!.ToJsonString());
    }

    [Fact]
    public async Task ListLinkedAccounts_ProductionKey_SeesOnlyProductionData()
    {
        await using var f = await emulator.FreshOrgAsync();
        f.Emulator.State.AddOrg("pk_demo_prod", f.OrgId);
        var prod = f.WithKey("pk_demo_prod");
        await prod.SendAsync("create_linked_account", Js.O(("account_id", "acct_prod")));

        var prodPage = await prod.SendAsync("list_linked_accounts");
        var testPage = await f.Org().SendAsync("list_linked_accounts");
        var only = Assert.Single(prodPage.A("docs"));
        Assert.Equal("production", only.S("environment"));
        Assert.DoesNotContain(testPage.A("docs"), d => d.S("account_id") == "acct_prod");
    }

    [Fact]
    public async Task CreateLinkedAccount_ManyInParallel_AllStoredOnceEach()
    {
        await using var f = await emulator.FreshOrgAsync();
        var ids = Enumerable.Range(0, 20).Select(i => $"acct_p{i}").ToList();
        await Task.WhenAll(ids.Concat(ids).Select(id => f.RawAsync(HttpMethod.Post, "api/v2/public/linked-account", apiKey: f.ApiKey, body: Js.O(("account_id", id)))));

        var stored = f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection(Collections.LinkedAccounts).Find();
        Assert.Equal(22, stored.Count);
        Assert.Equal(22, stored.Select(a => a.S("_id")).Distinct().Count());
    }
}
