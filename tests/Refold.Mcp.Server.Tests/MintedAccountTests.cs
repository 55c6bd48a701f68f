using Microsoft.Extensions.Logging;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Emulator;
using Refold.Emulator.Seed;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// An org key reaches the operations Refold accepts only from a session token: for a named linked account the server
/// mints that account's token with the key (once per account) and sends the call with it. End to end over stdio with
/// a real MCP client against the emulator.
/// </summary>
public sealed class MintedAccountTests : IAsyncLifetime
{
    private readonly LogCapture _emulatorLog = new();
    private RefoldEmulator _emulator = null!;

    public static IReadOnlyList<string> AccountOnly { get; } =
        ["get_active_linked_account", "revoke_session_token", "create_connect_url", "get_hosted_properties", "delete_workflow", "publish_workflow"];

    public async Task InitializeAsync() => _emulator = await RefoldEmulator.StartAsync(new EmulatorOptions
    {
        RateLimit = new RateLimitOptions { Enabled = false },
        ConfigureLogging = l => l.AddProvider(_emulatorLog).SetMinimumLevel(LogLevel.Information),
    });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public void Catalog_AccountOnlyOperations_AreTheSixMintedOnes()
    {
        Assert.Equal(AccountOnly.Order(), RefoldCatalog.Operations.Where(o => o.Auth == AuthLevel.Account).Select(o => o.Name).Order());
    }

    [Fact]
    public async Task OrgKeyAllTools_AccountOnlyOperations_ListedAndRunForNamedAccountWithOneMintEach()
    {
        await using var server = await StartAsync(ToolMode.All);

        var tools = (await server.Client.ListToolsAsync()).ToDictionary(t => t.Name);
        var active = await server.Client.CallAsync("get_active_linked_account", $$"""{"linked_account_id":"{{DemoOrg.GlobexAccount}}"}""");
        var connect = await server.Client.CallAsync("create_connect_url",
            $$"""{"linked_account_id":"{{DemoOrg.GlobexAccount}}","properties":{"base_color":"#0E7C86"} }""");
        var hosted = await server.Client.CallAsync("get_hosted_properties", $$"""{"linked_account_id":"{{DemoOrg.GlobexAccount}}"}""");
        var published = await server.Client.CallAsync("publish_workflow",
            $$"""{"linked_account_id":"{{DemoOrg.GlobexAccount}}","workflowId":"{{DemoWorkflows.LeadRouterDraft}}","published":true}""");
        var other = await server.Client.CallAsync("get_active_linked_account", $$"""{"linked_account_id":"{{DemoOrg.InitechAccount}}"}""");
        var mintsBeforeRevoke = Mints();
        var revoked = await server.Client.CallAsync("revoke_session_token", $$"""{"linked_account_id":"{{DemoOrg.GlobexAccount}}"}""");
        var deleted = await server.Client.CallAsync("delete_workflow", $$"""{"linked_account_id":"{{DemoOrg.GlobexAccount}}","workflowId":"{{DemoWorkflows.LeadRouter}}"}""");
        var missing = await server.Client.CallAsync("get_hosted_properties");

        foreach (var name in AccountOnly)
        {
            Assert.Contains("linked_account_id", tools[name].JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        }

        foreach (var result in new[] { active, connect, hosted, published, other, revoked, deleted })
        {
            Assert.False(result.IsError, result.Text());
        }

        Assert.Equal(DemoOrg.GlobexAccount, active.Structured().Str("account_id"));
        Assert.Equal(DemoOrg.InitechAccount, other.Structured().Str("account_id"));
        Assert.Contains("hosted", connect.Text(), StringComparison.Ordinal);
        Assert.Equal("#0E7C86", hosted.Structured().Str("base_color"));
        Assert.Equal(1, revoked.Structured().GetProperty("revoked_count").GetInt32());
        Assert.Equal(2, mintsBeforeRevoke);

        // The revoked token is forgotten: the next call for that account mints a fresh one.
        Assert.Equal(3, Mints());
        Assert.True(missing.IsError);
        Assert.Contains("linked_account_id", missing.Text(), StringComparison.Ordinal);
        Assert.Empty(server.Logs.Leaks(_emulator.ApiKey));
    }

    [Fact]
    public async Task OrgKeyCompact_AccountOnlyOperations_ReachedThroughCatalogToolsWithOneMint()
    {
        await using var server = await StartAsync(ToolMode.Compact);

        var described = await server.Client.CallAsync("describe_operation", """{"name":"get_hosted_properties"}""");
        var first = await server.Client.CallAsync("call_read_operation",
            $$"""{"name":"get_active_linked_account","arguments":{"linked_account_id":"{{DemoOrg.GlobexAccount}}"} }""");
        var second = await server.Client.CallAsync("call_read_operation",
            $$"""{"name":"get_active_linked_account","arguments":{"linked_account_id":"{{DemoOrg.GlobexAccount}}"} }""");
        var dryRun = await server.Client.CallAsync("call_destructive_operation",
            $$"""{"name":"delete_workflow","arguments":{"linked_account_id":"{{DemoOrg.GlobexAccount}}","workflowId":"{{DemoWorkflows.LeadRouter}}","dry_run":true} }""");

        Assert.False(described.IsError, described.Text());
        Assert.Contains("linked_account_id", described.Text(), StringComparison.Ordinal);
        Assert.Equal(DemoOrg.GlobexAccount, first.Structured().Str("account_id"));
        Assert.Equal(DemoOrg.GlobexAccount, second.Structured().Str("account_id"));
        Assert.False(dryRun.IsError, dryRun.Text());
        Assert.Contains("DELETE", dryRun.Text(), StringComparison.Ordinal);
        Assert.Equal(1, Mints());
    }

    private Task<InMemoryServer> StartAsync(ToolMode mode) => InMemoryServer.StartAsync(_emulator.BaseUrl, RefoldCredential.FromApiKey(_emulator.ApiKey),
        new ServerOptions { Surface = new Surface { Mode = mode, Confirm = ConfirmMode.Never } });

    /// <summary>generate_session_token requests the emulator received.</summary>
    private int Mints() => _emulatorLog.Lines.Count(l => l.Contains("Request starting", StringComparison.Ordinal)
        && l.Contains(Api.Operations.SessionTokens.GenerateSessionToken.Route, StringComparison.Ordinal)
        && !l.Contains(Api.Operations.SessionTokens.RevokeSessionToken.Route, StringComparison.Ordinal));
}
