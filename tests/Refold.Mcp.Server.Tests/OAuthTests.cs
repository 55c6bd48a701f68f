using System.Net;
using System.Text.Json;
using Refold.Api.Client;
using Refold.Api.Operations;
using Refold.Emulator;
using Refold.Emulator.Seed;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Http;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// OAuth resource-server mode end to end: a local issuer started here (own RSA key, discovery and JWKS on loopback),
/// the server on 127.0.0.1:0 with real MCP clients, the emulator behind a recording pass-through that shows what
/// reached Refold.
/// </summary>
public sealed class OAuthTests : IAsyncLifetime
{
    private const string Audience = "https://mcp.example.test/mcp";
    private const string ReadScope = "refold:read";
    private const string WriteScope = "refold:write";

    private RefoldEmulator _emulator = null!;
    private RecordingProxy _refold = null!;
    private LocalIssuer _issuer = null!;
    private Upstream _upstream = null!;

    public async Task InitializeAsync()
    {
        _emulator = await RefoldEmulator.StartAsync(new EmulatorOptions { RateLimit = new RateLimitOptions { Enabled = false } });
        _refold = await RecordingProxy.StartAsync(_emulator.BaseUrl);
        _issuer = await LocalIssuer.StartAsync();
        _upstream = new Upstream(_refold.BaseUrl, RefoldCredential.FromApiKey(_emulator.ApiKey));
    }

    public async Task DisposeAsync()
    {
        await _issuer.DisposeAsync();
        await _refold.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task ValidToken_ConcurrentSessions_ScopedToClaimedAccountWithOneMintPerAccount()
    {
        await using var http = await StartAsync();
        var globex = _issuer.Token(Audience, DemoOrg.GlobexAccount, $"{ReadScope} {WriteScope}");
        var initech = _issuer.Token(Audience, DemoOrg.InitechAccount, $"{ReadScope} {WriteScope}");

        var sessions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => http.ConnectAsync(HttpHarness.Bearer(globex))));
        var answers = await Task.WhenAll(sessions.Select(s => s.CallAsync("get_active_linked_account")));
        var other = await (await http.ConnectAsync(HttpHarness.Bearer(initech))).CallAsync("get_active_linked_account");
        var again = await sessions[0].CallAsync("list_executions", "{}");
        var tools = (await sessions[0].ListToolsAsync()).Select(t => t.Name).ToList();

        Assert.All(answers, a => Assert.Equal(DemoOrg.GlobexAccount, a.Structured().Str("account_id")));
        Assert.Equal(DemoOrg.InitechAccount, other.Structured().Str("account_id"));
        Assert.False(again.IsError, again.Text());
        Assert.Contains("get_active_linked_account", tools);
        Assert.DoesNotContain("list_linked_accounts", tools); // a linked account's session, not the org's
        Assert.Equal(2, _refold.Count(HttpMethod.Post, "/" + SessionTokens.GenerateSessionToken.Route.TrimStart('/')));
        AssertCallerTokensNeverReachedRefold(globex, initech);
        Assert.Empty(http.Logs.Leaks(globex, initech, _emulator.ApiKey));
    }

    public static TheoryData<string> BadTokens => ["audience", "issuer", "expired", "signature", "no-account"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_Refused401WithResourceMetadataAndNothingSent(string spoiled)
    {
        await using var http = await StartAsync();
        var token = spoiled switch
        {
            "audience" => _issuer.Token("https://someone-else.example/mcp", DemoOrg.GlobexAccount),
            "issuer" => _issuer.Token(Audience, DemoOrg.GlobexAccount, issuer: "https://evil.example"),
            "expired" => _issuer.Token(Audience, DemoOrg.GlobexAccount, expiresIn: TimeSpan.FromHours(-2)),
            "signature" => _issuer.Token(Audience, DemoOrg.GlobexAccount, forged: true),
            _ => _issuer.Token(Audience, null),
        };

        using var answer = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(token));
        using var bare = await http.PostAsync(HttpHarness.InitializeJson);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        var challenge = answer.Headers.WwwAuthenticate.ToString();
        Assert.Contains($"resource_metadata=\"{MetadataUrl(http)}\"", challenge, StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        Assert.Contains($"resource_metadata=\"{MetadataUrl(http)}\"", bare.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Empty(_refold.Requests);
    }

    [Fact]
    public async Task TokenWithoutWriteScope_ListsOnlyReadToolsAndRefusesAWrite()
    {
        await using var http = await StartAsync(ToolMode.All);
        var reader = await http.ConnectAsync(HttpHarness.Bearer(_issuer.Token(Audience, DemoOrg.GlobexAccount, ReadScope)));
        var writer = await http.ConnectAsync(HttpHarness.Bearer(_issuer.Token(Audience, DemoOrg.GlobexAccount, $"{ReadScope} {WriteScope}")));

        var readTools = await reader.ListToolsAsync();
        var writeTools = (await writer.ListToolsAsync()).Select(t => t.Name).ToList();
        var read = await reader.CallAsync("get_active_linked_account");
        var write = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => reader.CallAsync("execute_workflow", $$"""{"workflowId":"{{DemoWorkflows.LeadRouter}}","slug":"hubspot","payload":{} }"""));

        Assert.All(readTools, t => Assert.True(t.ProtocolTool.Annotations?.ReadOnlyHint, t.Name));
        Assert.Contains("execute_workflow", writeTools);
        Assert.False(read.IsError, read.Text());
        Assert.Contains("Unknown tool", write.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_refold.Requests, r => r.Path.Contains("/execute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenWithoutReadScope_Refused403NamingTheScope()
    {
        await using var http = await StartAsync();

        using var answer = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(_issuer.Token(Audience, DemoOrg.GlobexAccount, "profile")));

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains($"scope=\"{ReadScope}\"", answer.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("error=\"insufficient_scope\"", answer.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OAuthResourceServer.MetadataPath)]
    [InlineData(OAuthResourceServer.MetadataPath + HttpServer.Endpoint)]
    public async Task ProtectedResourceMetadata_BothAddresses_NameResourceIssuerAndScopes(string path)
    {
        await using var http = await StartAsync();

        using var answer = await http.Raw.GetAsync(new Uri(http.Endpoint, path));
        using var document = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var root = document.RootElement;
        Assert.Equal(Audience, root.Str("resource"));
        Assert.Equal([_issuer.Issuer], root.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["header"], root.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([ReadScope, WriteScope], root.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("http://issuer.example.com", "plain http off loopback")]
    [InlineData("ftp://127.0.0.1", "absolute https URL")]
    public void Parse_UnsafeAuthority_ClearErrorNamingTheFlag(string authority, string expected)
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(["--jwt-authority", authority, "--jwt-audience", Audience]));

        Assert.StartsWith("--jwt-authority", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FlagsOverVariables_LoopbackHttpAcceptedAndAudienceRequired()
    {
        var variables = new Dictionary<string, string> { ["REFOLD_JWT_AUTHORITY"] = "http://127.0.0.1:9/", ["REFOLD_ACCOUNT_CLAIM"] = "acct", ["REFOLD_WRITE_SCOPE"] = "w" };

        var options = OAuthOptions.Resolve(ServerSettings.Resolve(CommandLine.Parse(["--jwt-audience", Audience, "--write-scope", "mcp:write"]), variables.GetValueOrDefault).OAuthSettings)!;
        var half = Assert.Throws<UsageException>(() => OAuthOptions.Resolve(ServerSettings.Resolve(new ServerOptions(), variables.GetValueOrDefault).OAuthSettings));

        Assert.Equal(new Uri("http://127.0.0.1:9/"), options.Authority);
        Assert.Equal("acct", options.AccountClaim);
        Assert.Equal("mcp:write", options.WriteScope);
        Assert.Contains("--jwt-audience", half.Message, StringComparison.Ordinal);
        Assert.Null(OAuthOptions.Resolve(ServerSettings.Resolve(new ServerOptions(), _ => null).OAuthSettings));
    }

    private Task<HttpHarness> StartAsync(ToolMode mode = ToolMode.Compact) => HttpHarness.StartAsync(_upstream, new ServerOptions
    {
        Surface = new Surface { Mode = mode, Confirm = ConfirmMode.Never },
        OAuthSettings = new Dictionary<string, string>
        {
            ["--jwt-authority"] = _issuer.Authority.ToString(),
            ["--jwt-audience"] = Audience,
            ["--read-scope"] = ReadScope,
            ["--write-scope"] = WriteScope,
        },
    });

    private static string MetadataUrl(HttpHarness http) => new Uri(http.Endpoint, OAuthResourceServer.MetadataPath + HttpServer.Endpoint).ToString();

    private void AssertCallerTokensNeverReachedRefold(params string[] tokens)
    {
        Assert.NotEmpty(_refold.Requests);
        foreach (var seen in _refold.Requests)
        {
            Assert.DoesNotContain(seen.Headers.Values, v => tokens.Any(t => v.Contains(t, StringComparison.Ordinal)));
            Assert.DoesNotContain(tokens, t => seen.Path.Contains(t, StringComparison.Ordinal));
        }

        // What did reach Refold: the org key (mints) and the minted tokens, never anything else.
        Assert.Contains(_refold.Requests, r => r.Headers.ContainsKey("x-api-key"));
        Assert.Contains(_refold.Requests, r => r.Headers.TryGetValue("Authorization", out var a) && a.StartsWith("Bearer ", StringComparison.Ordinal));
    }
}
