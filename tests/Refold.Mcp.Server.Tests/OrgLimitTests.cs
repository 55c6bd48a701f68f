using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refold.Api.Client;
using Refold.Api.Resilience;
using Refold.Emulator;
using Refold.Emulator.Core;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;
using Xunit.Abstractions;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// One org's API-key sessions and session-token sessions over HTTP, real MCP clients against the emulator enforcing
/// Refold's limit (20/s, bursts of 5): every call of both kinds draws from the org's one bucket, which keeps them inside it.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class OrgLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string OldProtocol = "2025-11-25";
    private const int Sessions = 100;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(20);

    private readonly RequestClock _requests = new();
    private RefoldEmulator _emulator = null!;
    private Upstream _upstream = null!;

    public async Task InitializeAsync()
    {
        _emulator = await RefoldEmulator.StartAsync(new EmulatorOptions { ConfigureLogging = l => l.AddProvider(_requests) });
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

    [Fact]
    public async Task ToolCalls_HundredSessionsOnKeyAndTokensFor20s_NoUpstream429AllSucceedNoPermitUnusedWhileCallersWait()
    {
        await using var http = await HttpHarness.StartAsync(_upstream, new ServerOptions
        {
            AllowApiKeyHeader = true,
            // The writes replace a variable's value (destructive); nobody is at these clients to confirm.
            Surface = new Surface { Confirm = ConfirmMode.Never },
        });
        var accounts = new[] { "acct_globex", "acct_initech" };
        var admin = await http.ConnectAsync(KeyHeaders(accounts[0]), OldProtocol);

        // Setup through the key: its answers teach the server the key's org. One token per token session.
        var definition = (await admin.CallAsync("call_read_operation", """{"name":"list_variable_definitions","arguments":{}}""")).Structured()
            .GetProperty("docs").EnumerateArray().First(d => d.Str("var_format") == "url").Str("_id")!;
        var tokens = new List<string>();
        for (var i = 0; i < Sessions / 2; i++)
        {
            var minted = await admin.CallAsync("generate_session_token", $$"""{"linked_account_id":"{{accounts[i % accounts.Length]}}"}""");
            Assert.False(minted.IsError, minted.Text());
            tokens.Add(minted.Structured().Str("token")!);
        }

        // Even sessions hold the key, odd ones a token; each acts for the account its token was minted for.
        var accountOf = Enumerable.Range(0, Sessions).Select(i => accounts[(i / 2) % accounts.Length]).ToList();
        var sessions = await Task.WhenAll(Enumerable.Range(0, Sessions).Select(i => i % 2 == 0
            ? http.ConnectAsync(KeyHeaders(accountOf[i]), OldProtocol)
            : http.ConnectAsync(HttpHarness.Bearer(tokens[i / 2]), OldProtocol)));

        var failures = new List<string>();
        var succeeded = 0;
        var refusedInSetup = _emulator.Services.GetRequiredService<RequestLimiter>().Refused;
        await using var stalls = new StallProbe();
        var rate = http.Services.GetRequiredService<RefoldOptions>().EffectivePermitsPerSecond;
        var bucket = http.Services.GetRequiredService<OrgRateLimiters>().For(http.Services.GetRequiredService<IRefoldRateLimiter>().BucketOf(RefoldCredential.FromApiKey(_emulator.ApiKey).LimiterKey));
        await using var backlog = new LimiterBacklog(() => ValueTask.FromResult(TimeSpan.FromSeconds(bucket.GetStatistics()!.CurrentQueuedCount / (double)rate)));
        var loadStart = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(async (session, i) =>
        {
            var account = accountOf[i];
            for (var n = 0; clock.Elapsed < s_window; n++)
            {
                var arguments = n % 2 == 0
                    ? JsonSerializer.Serialize(new { name = "get_linked_account", arguments = new { linked_account_id = account } })
                    : JsonSerializer.Serialize(new
                    {
                        name = "set_variable_value",
                        arguments = new { variable_definition_id = definition, value = $"https://erp.example/{i}/{n}", linked_account_id = account },
                    });
                try
                {
                    var result = await session.CallAsync(n % 2 == 0 ? "call_read_operation" : "call_destructive_operation", arguments);
                    if (result.IsError == true)
                    {
                        lock (failures)
                        {
                            failures.Add(result.Text());
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref succeeded);
                    }
                }
                catch (Exception e)
                {
                    lock (failures)
                    {
                        failures.Add(e.Message);
                    }
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var loadEnd = Stopwatch.GetTimestamp();
        await backlog.DisposeAsync();

        var goodput = succeeded / elapsed.TotalSeconds;
        // Past the first burst: the key's and the tokens' callers waited in one bucket, which sent its rate meanwhile.
        var saturation = backlog.Judge(_requests.Requests.Select(r => r.Timestamp), loadStart + Stopwatch.Frequency, loadEnd, stalls,
            rate, http.Services.GetRequiredService<RefoldOptions>().EffectiveBurst);
        output.WriteLine(FormattableString.Invariant($"{Sessions} sessions, {succeeded} calls in {elapsed.TotalSeconds:F1} s: goodput {goodput:F1}/s of the configured {rate}/s; {saturation}; test process: {stalls}"));
        var refused = _emulator.Services.GetRequiredService<RequestLimiter>().Refused;
        Assert.True(refused == 0, $"the emulator answered {refused} requests with 429, {refusedInSetup} of them while the sessions were set up and opened (test process during the load: {stalls})");
        Assert.True(failures.Count == 0, $"{failures.Count} calls failed, e.g. {failures.FirstOrDefault()}");
        Assert.True(saturation.Observed, $"{saturation}: no caller ever waited for a permit of the bucket watched, so it is not the one the calls draw from");
        Assert.True(saturation.Held, $"{saturation}: the limiter left permits unused while callers waited (goodput {goodput:F1}/s of the configured {rate}/s, {succeeded} calls in {elapsed.TotalSeconds:F1} s; test process: {stalls})");
    }

    private Dictionary<string, string> KeyHeaders(string account) =>
        new() { ["x-api-key"] = _emulator.ApiKey, [RefoldHeaders.LinkedAccount] = account };
}
