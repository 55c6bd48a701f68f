using ModelContextProtocol.Protocol;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>The caching hints on tools/list (ttlMs, cacheScope), as a real MCP client reads them, and the list's order.</summary>
public sealed class ToolListCachingTests
{
    [Fact]
    public async Task ListTools_Stdio_KeptForAnHourPublicAndInTheSameOrder()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        await using var server = await InMemoryServer.StartAsync(upstream.BaseUrl, upstream.DemoCredential);

        var first = await server.Client.ListToolsAsync(new ListToolsRequestParams());
        var second = await server.Client.ListToolsAsync(new ListToolsRequestParams());

        Assert.Equal(TimeSpan.FromHours(1), first.TimeToLive);
        Assert.Equal(CacheScope.Public, first.CacheScope);
        Assert.Equal(first.Tools.Select(t => t.Name), second.Tools.Select(t => t.Name));
    }

    [Fact]
    public async Task ListTools_Http_PrivateToTheCaller()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        await using var http = await HttpHarness.StartAsync(upstream);
        var client = await http.ConnectAsync();

        var list = await client.ListToolsAsync(new ListToolsRequestParams());

        Assert.Equal(CacheScope.Private, list.CacheScope);
        Assert.Equal(ToolListCaching.StaticLifetime, list.TimeToLive);
    }

    [Fact]
    public async Task ListTools_WithAccountTools_KeptAsLongAsTheirReadAndPrivate()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        var options = new ServerOptions { AccountTools = new AccountToolOptions(Workflows: true, Actions: false, AccountToolOptions.DefaultMax) };
        await using var server = await InMemoryServer.StartAsync(upstream.BaseUrl, Api.Client.RefoldCredential.FromApiKey(Emulator.EmulatorDefaults.ApiKey, "acct_globex"), options);

        var list = await server.Client.ListToolsAsync(new ListToolsRequestParams());

        Assert.Equal(TimeSpan.FromSeconds(60), list.TimeToLive);
        Assert.Equal(CacheScope.Private, list.CacheScope);
        Assert.All(list.Tools, t => Assert.NotNull(t.OutputSchema));
    }
}
