using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using Refold.Api.Client;
using Refold.Api.Resilience;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests;

/// <summary>The streamable HTTP server on 127.0.0.1:0: per-session credentials, scoping, isolation and request guards.</summary>
public sealed class HttpTransportTests : FakeRefoldTest
{
    private Task<HttpHarness> StartAsync(ServerOptions? options = null) => HttpHarness.StartAsync(new Upstream(Refold.BaseUrl), options);

    [Fact]
    public async Task Post_NoCredential_401WithWwwAuthenticate()
    {
        await using var http = await StartAsync();

        using var response = await http.PostAsync(HttpHarness.InitializeJson);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer realm=\"refold-mcp\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("unauthorized", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Str("error"));
    }

    [Fact]
    public async Task Post_ForgedToken_401AfterRefoldRefusesIt()
    {
        await using var http = await StartAsync();

        using var response = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(FakeRefold.ForgedToken()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("Refold refused", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Str("error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ForgedTokensClaimingAnOrg_DoNotSpendThatOrgsRateLimit()
    {
        await using var http = await StartAsync();

        for (var i = 0; i < 6; i++)
        {
            using var response = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(FakeRefold.ForgedToken($"acct_forged_{i}")));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var orgBucket = http.Services.GetRequiredService<OrgRateLimiters>().For("org:" + FakeRefold.OrgId);
        Assert.Equal(http.Services.GetRequiredService<RefoldOptions>().EffectiveBurst, orgBucket.GetStatistics()!.CurrentAvailablePermits);
    }

    [Theory]
    [InlineData("""{"exp":"abc"}""")]
    [InlineData("""{"exp":99999999999999999}""")]
    [InlineData("""{"iat":-99999999999999}""")]
    public async Task Post_TokenWithOutlandishClaims_401NotACrash(string payload)
    {
        await using var http = await StartAsync();
        var token = "eyJhbGciOiJIUzI1NiJ9." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload)) + ".c2ln";

        using var response = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TokenNotAJwt_401WithoutAskingRefold()
    {
        await using var http = await StartAsync();

        using var response = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer("not-a-jwt"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Empty(Refold.Requests);
    }

    [Fact]
    public async Task Connect_ForgedToken_SdkClientFails()
    {
        await using var http = await StartAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => http.ConnectAsync(HttpHarness.Bearer(FakeRefold.ForgedToken())));

        Assert.Contains("401", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ApiKeyHeaderNotEnabled_401()
    {
        await using var http = await StartAsync();

        using var response = await http.PostAsync(HttpHarness.InitializeJson, new Dictionary<string, string> { ["x-api-key"] = FakeRefold.ApiKey });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Refold.Requests);
    }

    [Fact]
    public async Task Connect_ApiKeyHeaderEnabled_OrgToolsListedAndCallable()
    {
        await using var http = await StartAsync(new ServerOptions { AllowApiKeyHeader = true });

        var client = await http.ConnectAsync(new Dictionary<string, string> { ["x-api-key"] = FakeRefold.ApiKey });
        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        var accounts = await client.CallAsync("list_linked_accounts");

        Assert.Contains("list_linked_accounts", tools);
        Assert.Contains("generate_session_token", tools);
        Assert.False(accounts.IsError, accounts.Text());
        Assert.Equal(2, accounts.Structured().GetProperty("docs").GetArrayLength());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    public async Task Connect_SessionToken_BothProtocolsListAndCall(string? protocol)
    {
        await using var http = await StartAsync();
        var token = Refold.MintToken("acct_alpha");

        var client = await http.ConnectAsync(HttpHarness.Bearer(token), protocol);
        var tools = await client.ListToolsAsync();
        var me = await client.CallAsync("get_active_linked_account");

        Assert.Equal(protocol ?? "2026-07-28", client.NegotiatedProtocolVersion);
        Assert.NotEmpty(tools);
        Assert.Equal("acct_alpha", me.Structured().Str("account_id"));
    }

    [Fact]
    public async Task TwoSessions_DifferentAccountTokens_IsolatedAndScopeFiltered()
    {
        await using var http = await StartAsync(new ServerOptions { Surface = new Tools.Surface { Mode = Tools.ToolMode.All } });
        var alphaToken = Refold.MintToken("acct_alpha");
        var betaToken = Refold.MintToken("acct_beta");
        var alpha = await http.ConnectAsync(HttpHarness.Bearer(alphaToken), "2025-11-25");
        var beta = await http.ConnectAsync(HttpHarness.Bearer(betaToken));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? alpha : beta).CallAsync("list_executions")));
        var alphaTools = (await alpha.ListToolsAsync()).Select(t => t.Name).ToList();
        var betaTools = (await beta.ListToolsAsync()).Select(t => t.Name).ToList();
        var crossRead = await alpha.CallAsync("get_linked_account", """{"linked_account_id":"acct_beta"}""");

        for (var i = 0; i < results.Length; i++)
        {
            var account = i % 2 == 0 ? "acct_alpha" : "acct_beta";
            Assert.False(results[i].IsError, results[i].Text());
            Assert.Equal("exec_" + account, results[i].Structured().GetProperty("docs")[0].Str("_id"));
        }

        Assert.Equal(alphaTools, betaTools);
        Assert.DoesNotContain("list_linked_accounts", alphaTools);
        Assert.DoesNotContain("generate_session_token", alphaTools);
        Assert.DoesNotContain("delete_linked_account", alphaTools);
        Assert.Contains("get_active_linked_account", alphaTools);
        Assert.True(crossRead.IsError);
        Assert.Equal(403, crossRead.Structured().GetProperty("status_code").GetInt32());
        var executions = Refold.Requests.Where(r => r.Operation == "list_executions").ToList();
        Assert.Equal(6, executions.Count);
        Assert.All(executions, r => Assert.Equal(r.Account == "acct_alpha" ? "Bearer " + alphaToken : "Bearer " + betaToken, r.Authorization));
    }

    [Fact]
    public async Task SessionToken_OrgOnlyToolByName_RefusedAsUnknown()
    {
        await using var http = await StartAsync(new ServerOptions { Surface = new Tools.Surface { Mode = Tools.ToolMode.All } });
        var client = await http.ConnectAsync(HttpHarness.Bearer(Refold.MintToken("acct_alpha")));

        await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => client.CallAsync("list_linked_accounts"));

        Assert.DoesNotContain(Refold.Requests, r => r.Operation == "list_linked_accounts");
    }

    [Fact]
    public async Task StatefulSession_OtherAccountsToken_CannotUseIt()
    {
        await using var http = await StartAsync();
        var alpha = HttpHarness.Bearer(Refold.MintToken("acct_alpha"));
        using var init = await http.PostAsync(HttpHarness.InitializeJson, alpha);
        var sessionId = init.Headers.GetValues("Mcp-Session-Id").Single();
        var list = """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

        var hijack = HttpHarness.Bearer(Refold.MintToken("acct_beta"));
        hijack["Mcp-Session-Id"] = sessionId;
        hijack["MCP-Protocol-Version"] = "2025-11-25";
        using var response = await http.PostAsync(list, hijack);
        alpha["Mcp-Session-Id"] = sessionId;
        alpha["MCP-Protocol-Version"] = "2025-11-25";
        using var own = await http.PostAsync(list, alpha);

        Assert.Equal(HttpStatusCode.OK, init.StatusCode);
        Assert.False(response.IsSuccessStatusCode, $"another account's token used the session: {(int)response.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Post_ForeignOrigin_403()
    {
        await using var http = await StartAsync();

        using var response = await http.PostAsync(HttpHarness.InitializeJson, new Dictionary<string, string> { ["Origin"] = "http://evil.example" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_AllowedOrLoopbackOrigin_PassesToAuth()
    {
        await using var http = await StartAsync(new ServerOptions { AllowedOrigins = ["https://app.example"] });

        using var allowed = await http.PostAsync(HttpHarness.InitializeJson, new Dictionary<string, string> { ["Origin"] = "https://app.example" });
        using var loopback = await http.PostAsync(HttpHarness.InitializeJson, new Dictionary<string, string> { ["Origin"] = "http://localhost:6274" });

        Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, loopback.StatusCode);
    }

    [Fact]
    public async Task Post_ForeignHostHeader_403()
    {
        await using var http = await StartAsync();

        using var response = await http.PostAsync(HttpHarness.InitializeJson, new Dictionary<string, string> { ["Host"] = "evil.example" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_413()
    {
        await using var http = await StartAsync(new ServerOptions { MaxRequestBytes = 2048 });
        var big = HttpHarness.InitializeJson.Replace("\"raw\"", "\"" + new string('x', 4096) + "\"", StringComparison.Ordinal);

        using var response = await http.PostAsync(big, HttpHarness.Bearer(Refold.MintToken("acct_alpha")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Logs_HttpSessions_HoldNoCredential()
    {
        await using var http = await StartAsync(new ServerOptions { AllowApiKeyHeader = true, LogLevel = "Debug" });
        var token = Refold.MintToken("acct_alpha");
        var tokenClient = await http.ConnectAsync(HttpHarness.Bearer(token), "2025-11-25");
        var keyClient = await http.ConnectAsync(new Dictionary<string, string> { ["x-api-key"] = FakeRefold.ApiKey });
        await tokenClient.CallAsync("list_executions");
        await tokenClient.CallAsync("get_linked_account", """{"linked_account_id":"acct_beta"}""");
        await keyClient.CallAsync("list_linked_accounts");
        using var forged = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(FakeRefold.ForgedToken()));

        Assert.NotEmpty(http.Logs.Lines);
        Assert.Empty(http.Logs.Leaks(token, token.Split('.')[2], FakeRefold.ApiKey, FakeRefold.ForgedToken().Split('.')[1]));
    }
}
