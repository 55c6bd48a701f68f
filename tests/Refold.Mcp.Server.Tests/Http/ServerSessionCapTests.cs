using System.Net;
using System.Text.Json;
using ModelContextProtocol.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Http;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Http;

/// <summary>
/// The cap of all sessions together (--max-sessions): a new session over it is refused with a clear 503, and the SDK's
/// own idle-session cap (which would close the oldest idle session of anyone) never comes into play.
/// </summary>
public sealed class ServerSessionCapTests : FakeRefoldTest
{
    [Fact]
    public async Task SessionCaps_OneCredentialFillsItsCapAndTheTotal_AnotherTenantsIdleSessionStillAnswers()
    {
        await using var http = await HttpHarness.StartAsync(new Upstream(Refold.BaseUrl),
            new ServerOptions { Sessions = new HttpSessionOptions { MaxSessionsPerCredential = 3, MaxSessions = 5 } });
        var tokenA = Refold.MintToken("acct_fill_a");
        var tokenB = Refold.MintToken("acct_idle_b");

        // B's session is the oldest and stays idle (no GET stream): the first the SDK would prune.
        var idleB = await http.ConnectAsync(HttpHarness.Bearer(tokenB), OldProtocol, getStream: false);
        var before = (await idleB.ListToolsAsync()).Count;
        var aSessions = new List<McpClient>();
        for (var i = 0; i < 3; i++)
        {
            aSessions.Add(await http.ConnectAsync(HttpHarness.Bearer(tokenA), OldProtocol, getStream: false));
        }

        // A presses on past its own cap; others' new sessions then fill the last place and go past the total.
        var overCredentialCap = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(tokenA));
            overCredentialCap.Add(response.StatusCode);
        }

        var last = await http.ConnectAsync(HttpHarness.Bearer(Refold.MintToken("acct_last_c")), OldProtocol, getStream: false);
        var overTotal = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(Refold.MintToken($"acct_late_{i}")));
            overTotal.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(overCredentialCap, s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.All(overTotal, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status));
        var error = JsonDocument.Parse(overTotal[0].Body).RootElement.GetProperty("error");
        Assert.Contains("5 open sessions", error.Str("message"), StringComparison.Ordinal);
        Assert.Contains("--max-sessions", error.Str("message"), StringComparison.Ordinal);
        Assert.Equal("max_sessions", error.GetProperty("data").Str("limit"));
        Assert.Equal(before, (await idleB.ListToolsAsync()).Count);
        Assert.True((await last.ListToolsAsync()).Count > 0);

        // A place given back is free for the next tenant.
        await aSessions[0].DisposeAsync();
        var next = await http.ConnectAsync(HttpHarness.Bearer(Refold.MintToken("acct_next_d")), OldProtocol);
        Assert.True((await next.ListToolsAsync()).Count > 0);
    }
}
