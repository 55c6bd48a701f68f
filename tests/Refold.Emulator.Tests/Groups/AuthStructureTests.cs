using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class AuthStructureTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    [Fact]
    public async Task GetAuthStructure_NoCredential_DescribesEachAuthType()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/auth-structure/mailchimp");
        Assert.Equal(200, status);
        Assert.Equal("string", body!["keybased"].S("api_key"));
        Assert.False(body["keybased"]!["server_prefix"]!["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetAuthStructure_UnknownSlug_Is500WithoutStatusFields()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/auth-structure/nope");
        Assert.Equal(500, status);
        Assert.Equal("""{"error":"SERVER_ERROR","message":"Schema not found for integration type: nope"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task GetAuthStructure_CustomApp_IsEmptyObject()
    {
        await using var f = await emulator.FreshOrgAsync();
        var body = await f.Org().SendAsync("get_auth_structure", Js.O(("slug", "custom")));
        Assert.Equal("{}", body!.ToJsonString());
    }

    [Fact]
    public async Task GetOauthUrl_OauthApp_PointsAtProviderWithRefoldCallback()
    {
        await using var f = await emulator.FreshOrgAsync();
        var body = await f.Org(DemoOrg.InitechAccount).SendAsync("get_oauth_url", Js.O(("slug", "hubspot"), ("extra_query", Js.O(("portal", "eu1")))));
        var url = new Uri(body.S("auth_url")!);
        Assert.Equal("app.hubspot.com", url.Host);
        Assert.Contains("redirect_uri=https%3A%2F%2Fapp.refold.ai%2Fapi%2Fv1%2Fhubspot%2Fcallback", url.Query);
        Assert.Contains("portal=eu1", url.Query);
        Assert.Equal(1, f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection("oauth_states").Count);
    }

    [Fact]
    public async Task GetOauthUrl_KeyBasedApp_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.InitechAccount).SendAsync("get_oauth_url", Js.O(("slug", "stripe"))));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("oauth2", error.Message);
    }
}
