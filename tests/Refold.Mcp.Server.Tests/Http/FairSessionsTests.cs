using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Http;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Http;

/// <summary>
/// Sessions and credential checks shared fairly between tenants over HTTP: a per-credential session cap, one check per
/// credential, trust until the token's expiry with background rechecks, and forged-token floods limited per address.
/// </summary>
public sealed class FairSessionsTests : FakeRefoldTest
{
    [Fact]
    public async Task SessionCap_OneCredentialOverCap_RefusedWhileAnotherTenantsSessionsWork()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        await using var http = await HttpHarness.StartAsync(upstream, new ServerOptions { Sessions = new HttpSessionOptions { MaxSessionsPerCredential = 3 } });
        var demo = await http.ConnectAsync(protocolVersion: OldProtocol);
        await demo.CallAsync("create_linked_account", """{"account_id":"acct_cap_a","name":"Cap A"}""");
        await demo.CallAsync("create_linked_account", """{"account_id":"acct_cap_b","name":"Cap B"}""");
        var tokenA = (await demo.CallAsync("generate_session_token", """{"linked_account_id":"acct_cap_a"}""")).Structured().Str("token")!;
        var tokenB = (await demo.CallAsync("generate_session_token", """{"linked_account_id":"acct_cap_b"}""")).Structured().Str("token")!;

        var bFirst = await http.ConnectAsync(HttpHarness.Bearer(tokenB), OldProtocol);
        var aSessions = new List<McpClient>();
        for (var i = 0; i < 3; i++)
        {
            aSessions.Add(await http.ConnectAsync(HttpHarness.Bearer(tokenA), OldProtocol));
        }

        using var refused = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(tokenA));
        var bSecond = await http.ConnectAsync(HttpHarness.Bearer(tokenB), OldProtocol);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Contains("3 open sessions", error.Str("message"), StringComparison.Ordinal);
        Assert.Contains("--max-sessions-per-credential", error.Str("message"), StringComparison.Ordinal);
        Assert.Equal("acct_cap_b", (await bFirst.CallAsync("get_active_linked_account")).Structured().Str("account_id"));
        Assert.Equal("acct_cap_b", (await bSecond.CallAsync("get_active_linked_account")).Structured().Str("account_id"));
        Assert.Equal("acct_cap_a", (await aSessions[0].CallAsync("get_active_linked_account")).Structured().Str("account_id"));

        // Closing one of A's sessions gives its place back.
        await aSessions[0].DisposeAsync();
        var aAgain = await http.ConnectAsync(HttpHarness.Bearer(tokenA), OldProtocol);
        Assert.Equal("acct_cap_a", (await aAgain.CallAsync("get_active_linked_account")).Structured().Str("account_id"));
    }

    [Fact]
    public async Task Checks_ConcurrentFirstRequestsOfManyTokens_OneCheckPerToken()
    {
        await using var http = await HttpHarness.StartAsync(new Upstream(Refold.BaseUrl));
        // 200 tenants across 40 orgs: each org's checks draw from that org's own limiter, none from one global one.
        var tokens = Enumerable.Range(0, 200).Select(i => Refold.MintToken($"acct_many_{i}", $"org_many_{i % 40}")).ToList();

        var initializes = await Task.WhenAll(tokens.SelectMany(t => Enumerable.Range(0, 3).Select(_ => http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(t)))));
        var lists = await Task.WhenAll(tokens.Select(async t => (await (await http.ConnectAsync(HttpHarness.Bearer(t))).ListToolsAsync()).Count));

        Assert.All(initializes, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(lists, n => Assert.True(n > 0));
        var checks = Refold.Checks;
        Assert.Equal(200, checks.Count);
        Assert.Equal(200, checks.Select(c => c.Token).Distinct().Count());
        foreach (var response in initializes)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Checks_AfterRecheckInterval_ToolsListServedWhileRecheckPending()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var http = await HttpHarness.StartAsync(new Upstream(Refold.BaseUrl),
            new ServerOptions { Sessions = new HttpSessionOptions { RecheckInterval = TimeSpan.FromMinutes(5) } }, clock);
        var token = Refold.MintToken("acct_alpha");
        var client = await http.ConnectAsync(HttpHarness.Bearer(token), OldProtocol);
        await client.ListToolsAsync();
        clock.Advance(TimeSpan.FromMinutes(10));

        // Refold does not answer the recheck until released: calls must not wait for it.
        Refold.HoldChecks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lists = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            lists.Add((await client.ListToolsAsync()).Count);
        }

        var checksWhileHeld = Refold.Checks.Count;
        Refold.HoldChecks.SetResult();

        Assert.All(lists, n => Assert.True(n > 0));
        Assert.Equal(2, checksWhileHeld);
    }

    [Fact]
    public async Task Checks_RevokedToken_RefusedAfterRecheck()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var http = await HttpHarness.StartAsync(new Upstream(Refold.BaseUrl), time: clock);
        var token = Refold.MintToken("acct_alpha");
        var client = await http.ConnectAsync(HttpHarness.Bearer(token), OldProtocol);
        var before = (await client.ListToolsAsync()).Count;
        Refold.Revoke(token);
        clock.Advance(new HttpSessionOptions().RecheckInterval + TimeSpan.FromSeconds(1));

        var stillTrusted = (await client.ListToolsAsync()).Count;
        await Refold.FirstRefusal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var refused = await RefusedEventuallyAsync(async () => await client.ListToolsAsync());

        Assert.True(before > 0);
        Assert.Equal(before, stillTrusted);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedFlood_FromOneAddress_AnotherAddressSessionStartsWithinBound()
    {
        await using var http = await HttpHarness.StartAsync(new Upstream(Refold.BaseUrl));
        var token = Refold.MintToken("acct_beta");
        var flood = Enumerable.Range(0, 150)
            .Select(i => http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(FakeRefold.ForgedToken($"acct_forged_{i}", plausible: true))))
            .ToList();
        await Refold.FirstRefusal.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var legitimate = await http.ConnectAsync(HttpHarness.Bearer(token), OldProtocol, http: HttpHarness.FromAddress(IPAddress.Parse("127.0.0.2")));
        var account = (await legitimate.CallAsync("get_active_linked_account")).Structured().Str("account_id");
        var floodResponses = await Task.WhenAll(flood);

        var settings = new HttpSessionOptions();
        var bound = settings.RefusalsPerAddress + (2 * settings.ChecksInFlightPerAddress);
        var checks = Refold.Checks.ToList();
        var legitimateAt = checks.FindIndex(c => c.Token == token);
        Assert.Equal("acct_beta", account);
        Assert.InRange(legitimateAt, 0, bound);
        // The flood itself mostly never reached Refold: its address ran out of refusals and got 429 without a check.
        Assert.InRange(checks.Count(c => c.Refused), 1, bound);
        Assert.All(floodResponses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.Contains(floodResponses, r => r.StatusCode == HttpStatusCode.TooManyRequests && r.Headers.RetryAfter is not null);
    }

    /// <summary>Repeats <paramref name="call"/> until it fails (the server applies a finished recheck a moment after Refold answers).</summary>
    private static async Task<Exception> RefusedEventuallyAsync(Func<Task> call)
    {
        for (var i = 0; i < 1000; i++)
        {
            try
            {
                await call();
            }
            catch (Exception e)
            {
                return e;
            }

            await Task.Yield();
        }

        throw new Xunit.Sdk.XunitException("The revoked token was still accepted after its recheck.");
    }
}
