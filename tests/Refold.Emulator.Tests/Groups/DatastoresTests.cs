using System.Text.Json.Nodes;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class DatastoresTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;

    [Fact]
    public async Task ListConfigDatastores_SeededConfig_NamesAsAPlainArray()
    {
        await using var f = await emulator.FreshOrgAsync();
        var names = await f.Org(Globex).SendAsync("list_config_datastores", Js.O(("slug", "hubspot")));
        Assert.Equal(["contact_sync_cursor", "synced_companies"], names!.AsArray().Select(n => n!.GetValue<string>()));

        var staging = await f.Org(Globex).SendAsync("list_config_datastores", Js.O(("slug", "hubspot"), ("config_id", "staging")));
        Assert.Empty(staging!.AsArray());
        var initech = await f.Org(DemoOrg.InitechAccount).SendAsync("list_config_datastores", Js.O(("slug", "salesforce")));
        Assert.Equal("synced_opportunities", Assert.Single(initech!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task ListDatastoreRecords_Existing_IsTheRawRecordArray()
    {
        await using var f = await emulator.FreshOrgAsync();
        var records = (await f.Org(Globex).SendAsync("list_datastore_records", Js.O(("slug", "hubspot"), ("datastore_name", "synced_companies"))))!.AsArray();
        Assert.Equal(["r1", "r2", "r3"], records.Select(r => r.S("id")));
        Assert.True(records[0]!["synced"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SearchDatastoreRecords_Filters_AreCaseInsensitiveRegexesAndAllMustMatch()
    {
        await using var f = await emulator.FreshOrgAsync();
        var args = Js.O(("slug", "hubspot"), ("datastore_name", "synced_companies"), ("filters", Js.O(("org_name", "^globex"))));
        Assert.Equal(["r1", "r2"], (await f.Org(Globex).SendAsync("search_datastore_records", args))!.AsArray().Select(r => r.S("id")));

        var both = Js.O(("slug", "hubspot"), ("datastore_name", "synced_companies"), ("filters", Js.O(("org_name", "GLOBEX"), ("domain", "logistics"))));
        Assert.Equal("r2", Assert.Single((await f.Org(Globex).SendAsync("search_datastore_records", both))!.AsArray()).S("id"));

        var boolean = Js.O(("slug", "hubspot"), ("datastore_name", "synced_companies"), ("filters", Js.O(("synced", "false"))));
        Assert.Equal("r3", Assert.Single((await f.Org(Globex).SendAsync("search_datastore_records", boolean))!.AsArray()).S("id"));
    }

    [Fact]
    public async Task Datastores_UnknownConfigOrName_Is404ServerErrorText()
    {
        await using var f = await emulator.FreshOrgAsync();
        var headers = new Dictionary<string, string> { ["linked_account_id"] = Globex };
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/datastore/config/slack", apiKey: f.ApiKey, headers: headers);
        Assert.Equal(404, status);
        Assert.Equal("""{"message":"Server Error","error":"Config not found"}""", body!.ToJsonString());

        var (s2, b2, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/datastore/config/hubspot/nothing/search", apiKey: f.ApiKey, headers: headers, body: Js.O());
        Assert.Equal(404, s2);
        Assert.Equal("Server Error", b2.S("message"));

        // Another account's config is not this one's.
        var (s3, _, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/datastore/config/hubspot?config_id=staging", apiKey: f.ApiKey,
            headers: new Dictionary<string, string> { ["linked_account_id"] = DemoOrg.InitechAccount });
        Assert.Equal(404, s3);
    }

    [Fact]
    public async Task Datastores_DeletedConfig_TakesItsDatastoresWithIt()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org(Globex).SendAsync("delete_config_default", Js.O(("slug", "hubspot")));
        var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("list_datastore_records", Js.O(("slug", "hubspot"), ("datastore_name", "synced_companies"))));
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Datastores_SessionTokenOrNoKey_Is401()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Globex);
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/datastore/config/hubspot", bearer: token);
        Assert.Equal(401, status);
        Assert.Equal("Invalid Credentials", body.S("message"));
        Assert.Equal(401, (await f.RawAsync(HttpMethod.Get, "api/v2/public/datastore/config/hubspot")).Status);
    }

    [Fact]
    public async Task SearchDatastoreRecords_InvalidPattern_Is400ServerErrorText()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/datastore/config/hubspot/synced_companies/search", apiKey: f.ApiKey,
            headers: new Dictionary<string, string> { ["linked_account_id"] = Globex }, body: new JsonObject { ["org_name"] = "([" });
        Assert.Equal(400, status);
        Assert.Equal("""{"message":"Server Error","error":"Invalid search pattern for org_name"}""", body!.ToJsonString());
    }
}
