using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Refold.Api.Client;
using Refold.Emulator;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Http;

/// <summary>
/// Two tenants of one org over HTTP with real MCP clients against the emulator: tenant A drives Refold's errors into
/// the circuit breaker (404s for its bad ids, and 500/502/503 on the one operation it hammers, injected by the
/// emulator), and tenant B's calls keep succeeding.
/// </summary>
public sealed class TenantBreakerTests : IAsyncLifetime
{
    private const string Faulted = "list_executions";
    private Upstream _upstream = null!;

    public async Task InitializeAsync()
    {
        var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions
        {
            RateLimit = new RateLimitOptions { Enabled = false },
            Faults = new FaultOptions { ErrorRate = 1, Operations = [Faulted], Seed = 9 },
        });
        _upstream = new Upstream(emulator.BaseUrl, RefoldCredential.FromApiKey(emulator.ApiKey), owned: emulator);
    }

    public Task DisposeAsync() => _upstream.DisposeAsync().AsTask();

    [Fact]
    public async Task ToolCalls_TenantAFailsUntilItsCircuitOpens_TenantBOfTheSameOrgKeepsSucceeding()
    {
        // No retries, so each of A's calls is one attempt the breaker counts.
        await using var http = await HttpHarness.StartAsync(_upstream,
            CommandLine.Parse(["--retries", "0"]));
        var org = await http.ConnectAsync();
        var tenantA = await http.ConnectAsync(HttpHarness.Bearer(await MintAsync(org, "acct_globex")));
        var tenantB = await http.ConnectAsync(HttpHarness.Bearer(await MintAsync(org, "acct_initech")));

        var aFaulted = new List<CallToolResult>();
        var aMissing = new List<CallToolResult>();
        for (var i = 0; i < 40; i++)
        {
            aFaulted.Add(await Read(tenantA, Faulted, new { }));
            aMissing.Add(await Read(tenantA, "get_execution", new { execution_id = $"exec_missing_{i}" }));
        }

        var bCalls = new[]
        {
            await tenantB.CallAsync("get_active_linked_account"),
            await Read(tenantB, "list_workflows", new { }),
            await Read(tenantB, "get_linked_account", new { linked_account_id = "acct_initech" }),
            await Read(tenantB, "get_execution", new { execution_id = "exec_missing_b" }),
        };

        // A's calls did reach the breaker: Refold's 502/503s on the operation it hammered opened that circuit...
        Assert.All(aFaulted, r => Assert.True(r.IsError));
        Assert.Contains(aFaulted, r => Kind(r) == "circuit_open");
        Assert.Contains(aFaulted, r => r.Structured().GetProperty("status_code").ValueKind == JsonValueKind.Number
            && r.Structured().GetProperty("status_code").GetInt32() is 502 or 503);
        // ...while its 404s, answers to its own bad ids, never count against anyone.
        Assert.All(aMissing, r => Assert.Equal(404, r.Structured().GetProperty("status_code").GetInt32()));

        // B, same org and same bucket, is never refused: its calls succeed and its own bad id gets Refold's own answer.
        Assert.All(bCalls[..3], r => Assert.False(r.IsError, r.Text()));
        Assert.Equal("acct_initech", bCalls[0].Structured().Str("account_id"));
        Assert.Equal(404, bCalls[3].Structured().GetProperty("status_code").GetInt32());
    }

    private static Task<CallToolResult> Read(McpClient client, string operation, object arguments) =>
        client.CallAsync("call_read_operation", JsonSerializer.Serialize(new { name = operation, arguments }));

    private static string? Kind(CallToolResult result) => result.Structured().Str("kind");

    private static async Task<string> MintAsync(McpClient org, string account)
    {
        var minted = await org.CallAsync("generate_session_token", $$"""{"linked_account_id":"{{account}}"}""");
        Assert.False(minted.IsError, minted.Text());
        return minted.Structured().Str("token")!;
    }
}
