using System.Text.Json.Nodes;
using Refold.Api.Client;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class SessionTokensTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    [Fact]
    public async Task GenerateSessionToken_Twice_ReusesTheLiveTokenWithShrinkingExpiry()
    {
        await using var f = await emulator.FreshOrgAsync();
        var args = Js.O(("linked_account_id", DemoOrg.GlobexAccount));
        var first = await f.Org().SendAsync("generate_session_token", args);
        f.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await f.Org().SendAsync("generate_session_token", (JsonObject)args.DeepClone());

        Assert.Equal(first.S("token"), second.S("token"));
        Assert.Equal(604800, first!["expires_in"]!.GetValue<long>());
        Assert.Equal(604800 - 600, second!["expires_in"]!.GetValue<long>());
        Assert.Equal(2592000, first["refresh_expires_in"]!.GetValue<long>());

        var forced = await f.Org().SendAsync("generate_session_token", Js.O(("linked_account_id", DemoOrg.GlobexAccount), ("force_refresh", "true")));
        Assert.NotEqual(first.S("token"), forced.S("token"));
    }

    [Fact]
    public async Task GenerateSessionToken_Claims_AreRefoldsAndSignedHs256()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.InitechAccount);
        var claims = SessionTokenClaims.TryRead(token)!;
        Assert.Equal(f.OrgId, claims.OrgId);
        Assert.Equal(DemoOrg.InitechAccount, claims.LinkedAccountId);
        Assert.Equal("test", claims.Environment);
        Assert.Equal(f.StartedAt, claims.IssuedAt);
        Assert.Equal(f.StartedAt.AddDays(7), claims.ExpiresAt);
        Assert.StartsWith("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.", token);
    }

    [Fact]
    public async Task GenerateSessionToken_UnknownAccount_Is400InvalidLinkedAccountId()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org().SendAsync("generate_session_token", Js.O(("linked_account_id", "acct_ghost"))));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("INVALID_LINKED_ACCOUNT_ID", error.ErrorCode);
        Assert.Equal("No linked account found for account id : acct_ghost in environment test", error.Message);
    }

    [Fact]
    public async Task GenerateSessionToken_NoBody_Is400LinkedAccountIdRequired()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/session-token", apiKey: f.ApiKey, body: new JsonObject());
        Assert.Equal(400, status);
        Assert.Equal("""{"status_code":400,"http_error_type":"BAD_REQUEST","error":"SERVER_ERROR","message":"linked_account_id is required"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task SessionToken_AfterExpiry_Is401InvalidToken()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        f.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await f.RawAsync(HttpMethod.Get, "api/v2/public/session/active-linked-account", bearer: token)).Status);

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/session/active-linked-account", bearer: token);
        Assert.Equal(401, status);
        Assert.Equal("INVALID_TOKEN", body.S("error"));
        Assert.Equal("Invalid token", body.S("message"));
    }

    [Fact]
    public async Task RevokeSessionToken_Live_RevokesItAndItsReuse()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var revoked = await f.Session(token).SendAsync("revoke_session_token");
        Assert.Equal(1, revoked!["revoked_count"]!.GetValue<int>());

        var (status, body, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/session-token/revoke", bearer: token);
        Assert.Equal(401, status);
        Assert.Equal("Invalid token", body.S("message"));

        var fresh = await f.Org().SendAsync("generate_session_token", Js.O(("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.NotEqual(token, fresh.S("token"));
    }

    [Fact]
    public async Task AccountOperation_NoBearer_Is401TokenMissing()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/hosted-properties", apiKey: f.ApiKey);
        Assert.Equal(401, status);
        Assert.Equal("""{"status_code":401,"http_error_type":"UNAUTHORIZED","error":"INVALID_TOKEN","message":"Authorization Token Missing"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task SessionToken_Forged_Is401InvalidToken()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var parts = token.Split('.');
        var forgedClaims = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace(DemoOrg.GlobexAccount, DemoOrg.InitechAccount, StringComparison.Ordinal)));
        var (status, _, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/session/active-linked-account", bearer: $"{parts[0]}.{forgedClaims}.{parts[2]}");
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task SessionToken_OtherAccountsData_IsNeverReturned()
    {
        await using var f = await emulator.FreshOrgAsync();
        var globex = await f.TokenForAsync(DemoOrg.GlobexAccount);

        // Path, header and query all name Initech; the token's account wins or the read is refused.
        var (byPath, _, _) = await f.RawAsync(HttpMethod.Get, $"api/v2/public/linked-account/{DemoOrg.InitechAccount}", bearer: globex);
        Assert.Equal(404, byPath);
        var (_, active, _) = await f.RawAsync(HttpMethod.Get, $"api/v2/public/session/active-linked-account?linked_account_id={DemoOrg.InitechAccount}", bearer: globex,
            headers: new Dictionary<string, string> { ["linked_account_id"] = DemoOrg.InitechAccount });
        Assert.Equal(DemoOrg.GlobexAccount, active.S("account_id"));
        var (upsertStatus, upserted, _) = await f.RawAsync(HttpMethod.Put, "api/v2/public/linked-account", bearer: globex,
            body: Js.O(("account_id", DemoOrg.InitechAccount), ("name", "hijacked")), headers: new Dictionary<string, string> { ["linked_account_id"] = DemoOrg.InitechAccount });
        Assert.Equal(200, upsertStatus);
        Assert.Equal(DemoOrg.GlobexAccount, upserted.S("account_id"));
        var initech = await f.Org().SendAsync("get_linked_account", Js.O(("linked_account_id", DemoOrg.InitechAccount)));
        Assert.Equal("Initech", initech.S("name"));
    }

    [Fact]
    public async Task SessionToken_OfOneEnvironment_DoesNotOpenTheOther()
    {
        await using var f = await emulator.FreshOrgAsync();
        f.Emulator.State.AddOrg("pk_demo_prod", f.OrgId);
        await f.WithKey("pk_demo_prod").SendAsync("create_linked_account", Js.O(("account_id", DemoOrg.GlobexAccount), ("name", "Globex (prod)")));
        var testToken = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var account = await f.Session(testToken).SendAsync("get_active_linked_account");
        Assert.Equal("test", account.S("environment"));
        Assert.Equal("Globex Corp", account.S("name"));
    }
}
