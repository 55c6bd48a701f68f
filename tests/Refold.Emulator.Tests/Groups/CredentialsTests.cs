using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class CredentialsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    [Fact]
    public async Task SaveKeyCredentials_ValidFields_ConnectsTheAppAndPublishesConnectionCreated()
    {
        await using var f = await emulator.FreshOrgAsync();
        var events = new List<EmulatorEvent>();
        f.Emulator.Events.Published += events.Add;

        var saved = await f.Org(DemoOrg.GlobexAccount).SendAsync("save_key_credentials",
            Js.O(("slug", "stripe"), ("credentials", Js.O(("api_key", "sk_test_123")))));
        Assert.True(saved!["success"]!.GetValue<bool>());

        var app = await f.Org(DemoOrg.GlobexAccount).SendAsync("get_application", Js.O(("slug", "stripe")));
        Assert.True(app!["connected"]!.GetValue<bool>());
        Assert.Equal("Connection Created", Assert.Single(events).Name);
    }

    [Fact]
    public async Task SaveKeyCredentials_MissingField_Is400NamingIt()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("save_key_credentials",
            Js.O(("slug", "jira"), ("credentials", Js.O(("domain", "acme.atlassian.net"))))));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("email", error.Message);
        Assert.Contains("api_token", error.Message);
    }

    [Fact]
    public async Task SaveKeyCredentials_ProviderRejects_Is500FailedToVerify()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("save_key_credentials",
            Js.O(("slug", "stripe"), ("credentials", Js.O(("api_key", "invalid"))))));
        Assert.Equal(500, error.StatusCode);
        Assert.StartsWith("Failed to verify credentials", error.Message);
    }

    [Fact]
    public async Task UpsertDefaultAppCredential_NewThenExistingKey_AddsThenUpdates()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var added = await client.SendAsync("upsert_default_app_credential", Js.O(("key", "region"), ("value", 42)));
        Assert.Equal("added", added.S("action"));
        var updated = await client.SendAsync("upsert_default_app_credential", Js.O(("key", "api_key"), ("value", "rotated")));
        Assert.Equal("updated", updated.S("action"));
        Assert.Equal("Auth credential 'api_key' updated successfully", updated.S("message"));

        var account = f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection(Collections.LinkedAccounts).FindOne(a => Doc.Is(a, "account_id", DemoOrg.GlobexAccount))!;
        var values = account["integrations"]!.AsArray().Single(i => i.S("type") == "custom")!["credentials"]!["auth_credentials"]!;
        Assert.Equal("42", values.S("region"));
        Assert.Equal("rotated", values.S("api_key"));
    }

    [Fact]
    public async Task UpsertDefaultAppCredential_SessionToken_ActsOnTheTokensAccount()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var added = await f.Session(token).SendAsync("upsert_default_app_credential", Js.O(("key", "secret"), ("value", "s")));
        Assert.Equal("added", added.S("action"));
    }

    [Fact]
    public async Task UpsertDefaultAppCredential_NoDefaultApp_Is404()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.InitechAccount).SendAsync("upsert_default_app_credential", Js.O(("key", "k"), ("value", "v"))));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Default app integration not found for linked account acct_initech", error.Message);
    }

    [Fact]
    public async Task DeleteDefaultAppCredential_ExistingThenAgain_DeletesThen404()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var deleted = await client.SendAsync("delete_default_app_credential", Js.O(("key", "api_key")));
        Assert.True(deleted!["success"]!.GetValue<bool>());
        var error = await EmulatorFixture.FailsAsync(client.SendAsync("delete_default_app_credential", Js.O(("key", "api_key"))));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Auth credential key 'api_key' not found", error.Message);
    }

    [Fact]
    public async Task MigrateToken_OauthTokens_ConnectTheApp()
    {
        await using var f = await emulator.FreshOrgAsync();
        var result = await f.Org(DemoOrg.InitechAccount).SendAsync("migrate_token",
            Js.O(("slug", "hubspot"), ("auth_object", Js.O(("oauth2", Js.O(("access_token", "at"), ("refresh_token", "rt")))))));
        Assert.Equal("Token migrated successfully", result.S("message"));
        var app = await f.Org(DemoOrg.InitechAccount).SendAsync("get_application", Js.O(("slug", "hubspot")));
        Assert.True(app!["connected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MigrateToken_CustomApp_Is200WithOnlyAnError()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Put, "api/v2/public/migrate-token", apiKey: f.ApiKey,
            body: Js.O(("slug", "custom"), ("auth_object", Js.O(("keybased", Js.O(("api_key", "x")))))),
            headers: new Dictionary<string, string> { ["linked_account_id"] = DemoOrg.GlobexAccount });
        Assert.Equal(200, status);
        Assert.Equal("""{"error":"Custom apps are not supported for this endpoint."}""", body!.ToJsonString());

        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("migrate_token",
            Js.O(("slug", "stripe"), ("auth_object", Js.O(("oauth2", new JsonObject()))))));
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("oauth2", error.Message);
    }
}
