using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Resilience;
using Refold.Emulator;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// One org's API-key sessions and session-token sessions over HTTP, real MCP clients against the emulator: every call
/// of both kinds draws from the org's one bucket (the full 20 s load of 100 sessions is in benchmarks/).
/// </summary>
public sealed class OrgLimitTests : IAsyncLifetime
{
    private RefoldEmulator _emulator = null!;
    private Upstream _upstream = null!;

    public async Task InitializeAsync()
    {
        _emulator = await RefoldEmulator.StartAsync(new EmulatorOptions());
        _upstream = new Upstream(_emulator.BaseUrl, RefoldCredential.FromApiKey(_emulator.ApiKey), owned: _emulator);
    }

    public Task DisposeAsync() => _upstream.DisposeAsync().AsTask();

    [Fact]
    public async Task ToolCalls_ApiKeyAndSessionTokenSessionsOfOneOrg_DrawFromOneBucket()
    {
        await using var http = await HttpHarness.StartAsync(_upstream, new ServerOptions { AllowApiKeyHeader = true });
        var key = await http.ConnectAsync(new Dictionary<string, string> { ["x-api-key"] = _emulator.ApiKey, [RefoldHeaders.LinkedAccount] = "acct_globex" });

        // Refold's answer to the key (a token of the org) teaches the server the key's org.
        var minted = await key.CallAsync("generate_session_token", """{"linked_account_id":"acct_globex"}""");
        Assert.False(minted.IsError, minted.Text());
        var token = minted.Structured().Str("token")!;
        var tenant = await http.ConnectAsync(HttpHarness.Bearer(token));

        var limiter = http.Services.GetRequiredService<IRefoldRateLimiter>();
        var keyBucket = limiter.BucketOf(RefoldCredential.FromApiKey(_emulator.ApiKey).LimiterKey);
        Assert.Equal(RefoldCredential.FromSessionToken(token).LimiterKey, keyBucket);
        var org = http.Services.GetRequiredService<OrgRateLimiters>().For(keyBucket);
        var before = org.GetStatistics()!.TotalSuccessfulLeases;

        var calls = Enumerable.Range(0, 12).Select(i => i % 2 == 0
            ? key.CallAsync("get_linked_account", """{"linked_account_id":"acct_globex"}""")
            : tenant.CallAsync("call_read_operation", """{"name":"get_active_linked_account","arguments":{}}"""));
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.False(r.IsError, r.Text()));
        // Every attempt of both kinds paid the org's bucket (a retried attempt pays again, so at least 12); with a
        // bucket per credential the key's six calls would have paid elsewhere.
        var paid = org.GetStatistics()!.TotalSuccessfulLeases - before;
        Assert.True(paid >= 12, $"the org's bucket saw {paid} of the 12 calls");
    }
}
