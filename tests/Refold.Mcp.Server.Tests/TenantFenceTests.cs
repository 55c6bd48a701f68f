using System.Net;
using Microsoft.Extensions.Logging;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Emulator;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// The fences of a shared HTTP deployment, end to end with real MCP clients against the emulator: session tokens get no
/// org-wide writes unless the operator opts in, --linked-accounts refuses every other account, and an oversized
/// argument is refused before anything is sent.
/// </summary>
public sealed class TenantFenceTests : IAsyncLifetime
{
    private readonly LogCapture _emulatorLog = new();
    private Upstream _upstream = null!;

    public async Task InitializeAsync()
    {
        var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions
        {
            RateLimit = new RateLimitOptions { Enabled = false },
            ConfigureLogging = l => l.AddProvider(_emulatorLog),
        });
        _upstream = new Upstream(emulator.BaseUrl, RefoldCredential.FromApiKey(emulator.ApiKey), owned: emulator);
    }

    public Task DisposeAsync() => _upstream.DisposeAsync().AsTask();

    [Fact]
    public async Task TokenSession_OrgWideWrites_NotListedNorRunAndNamesTheOption()
    {
        await using var http = await HttpHarness.StartAsync(_upstream);
        var demo = await http.ConnectAsync();
        var token = await MintAsync(demo, "acct_fence_a");
        var tenant = await http.ConnectAsync(HttpHarness.Bearer(token));

        var search = await tenant.CallAsync("search_operations", """{"query":"webhook mcp server","limit":50}""");
        var described = await tenant.CallAsync("describe_operation", """{"name":"create_webhook"}""");
        var created = await tenant.CallAsync("call_write_operation",
            """{"name":"create_webhook","arguments":{"webhook_url":"https://tenant-a.example/steal","webhook_events":["Workflow Completed"]}}""");
        var deleted = await tenant.CallAsync("call_destructive_operation", """{"name":"delete_mcp_server","arguments":{"mcp_server_id":"x"}}""");
        var readsStillWork = await tenant.CallAsync("call_read_operation", """{"name":"list_mcp_servers","arguments":{}}""");
        var webhooks = await demo.CallAsync("call_read_operation", """{"name":"list_webhooks","arguments":{}}""");

        var found = search.Structured().GetProperty("operations").EnumerateArray().Select(o => o.Str("name")).ToList();
        Assert.Contains("list_mcp_servers", found);
        Assert.DoesNotContain(found, n => n is "create_webhook" or "update_webhook" or "delete_webhook" or "create_mcp_server" or "update_mcp_server" or "delete_mcp_server");
        foreach (var refused in new[] { described, created, deleted })
        {
            Assert.True(refused.IsError);
            Assert.Equal("TENANT_FENCE", refused.Structured().Str("error_code"));
            Assert.Contains(TenantFence.OrgWritesOption, refused.Structured().Str("message"), StringComparison.Ordinal);
        }

        Assert.False(readsStillWork.IsError, readsStillWork.Text());
        Assert.DoesNotContain("tenant-a.example", webhooks.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenSession_AllTools_ListsNoOrgWideWrite()
    {
        await using var http = await HttpHarness.StartAsync(_upstream, new ServerOptions { Surface = new Surface { Mode = ToolMode.All } });
        var token = await MintAsync(await http.ConnectAsync(), "acct_fence_all");

        var names = (await (await http.ConnectAsync(HttpHarness.Bearer(token))).ListToolsAsync()).Select(t => t.Name).ToHashSet();

        var orgWrites = RefoldCatalog.Operations.Where(o => o.Scope == ResourceScope.Org && !o.Hints.ReadOnly).Select(o => o.Name).ToList();
        Assert.Contains("create_webhook", orgWrites);
        Assert.DoesNotContain(orgWrites, names.Contains);
        Assert.Contains("list_mcp_servers", names);
        Assert.Contains("create_workflow", names);
    }

    [Fact]
    public async Task TokenSession_WithAllowOrgWrites_CreatesAndDeletesWebhook()
    {
        await using var http = await HttpHarness.StartAsync(_upstream, new ServerOptions { AllowOrgWritesFromTokens = true });
        var demo = await http.ConnectAsync();
        var tenant = await http.ConnectAsync(HttpHarness.Bearer(await MintAsync(demo, "acct_fence_open")));

        var search = await tenant.CallAsync("search_operations", """{"query":"webhook","limit":50}""");
        var created = await tenant.CallAsync("call_write_operation",
            """{"name":"create_webhook","arguments":{"webhook_url":"https://tenant-open.example/hook","webhook_events":["Workflow Completed"]}}""");
        var listed = await demo.CallAsync("call_read_operation", """{"name":"list_webhooks","arguments":{}}""");

        Assert.Contains(search.Structured().GetProperty("operations").EnumerateArray(), o => o.Str("name") == "create_webhook");
        Assert.False(created.IsError, created.Text());
        Assert.Contains("tenant-open.example", listed.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkedAccounts_OtherAccount_RefusedAndNothingChanged()
    {
        await using var open = await HttpHarness.StartAsync(_upstream);
        var admin = await open.ConnectAsync();
        var tokenA = await MintAsync(admin, "acct_pin_a");
        var tokenB = await MintAsync(admin, "acct_pin_b");
        await using var pinned = await HttpHarness.StartAsync(_upstream,
            new ServerOptions { Surface = new Surface { AllowedAccounts = new HashSet<string> { "acct_pin_a" } } });
        var org = await pinned.ConnectAsync();

        var tools = (await org.ListToolsAsync()).Select(t => t.Name).ToList();
        var ownRead = await org.CallAsync("get_linked_account", """{"linked_account_id":"acct_pin_a"}""");
        var otherRead = await org.CallAsync("get_linked_account", """{"linked_account_id":"acct_pin_b"}""");
        var otherDelete = await org.CallAsync("call_destructive_operation", """{"name":"delete_linked_account","arguments":{"linked_account_id":"acct_pin_b"}}""");
        var otherToken = await org.CallAsync("generate_session_token", """{"linked_account_id":"acct_pin_b"}""");
        var listAll = await org.CallAsync("call_read_operation", """{"name":"list_linked_accounts","arguments":{}}""");
        var tenantA = await pinned.ConnectAsync(HttpHarness.Bearer(tokenA));
        var tenantAActive = await tenantA.CallAsync("get_active_linked_account");
        using var tenantBStart = await pinned.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(tokenB));
        var bStillThere = await admin.CallAsync("get_linked_account", """{"linked_account_id":"acct_pin_b"}""");

        Assert.DoesNotContain("list_linked_accounts", tools);
        Assert.False(ownRead.IsError, ownRead.Text());
        foreach (var refused in new[] { otherRead, otherDelete, otherToken, listAll })
        {
            Assert.True(refused.IsError);
            Assert.Contains(TenantFence.LinkedAccountsOption, refused.Structured().Str("message"), StringComparison.Ordinal);
        }

        Assert.Equal("LINKED_ACCOUNT_NOT_ALLOWED", otherDelete.Structured().Str("error_code"));
        Assert.Equal("linked_account_id", otherDelete.Structured().Str("argument"));
        Assert.Equal("acct_pin_a", tenantAActive.Structured().Str("account_id"));
        Assert.Equal(HttpStatusCode.Forbidden, tenantBStart.StatusCode);
        Assert.Contains(TenantFence.LinkedAccountsOption, await tenantBStart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(bStillThere.IsError, bStillThere.Text());
    }

    [Fact]
    public async Task OversizedId_RefusedBeforeSendingWithBoundedMessage()
    {
        await using var http = await HttpHarness.StartAsync(_upstream);
        var demo = await http.ConnectAsync();
        var huge = new string('x', 200_000);
        var probe = await demo.CallAsync("get_linked_account", """{"linked_account_id":"acct_nobody"}""");
        var before = EmulatorRequests();

        var path = await demo.CallAsync("get_linked_account", $$"""{"linked_account_id":"{{huge}}"}""");
        var body = await demo.CallAsync("create_linked_account", $$"""{"account_id":"acct_big","name":"{{new string('n', ArgumentValidator.MaxValueLength + 1)}}"}""");

        foreach (var (result, argument, limit) in new[] { (path, "linked_account_id", ArgumentValidator.MaxIdLength), (body, "name", ArgumentValidator.MaxValueLength) })
        {
            Assert.True(result.IsError);
            Assert.Equal("INVALID_ARGUMENT", result.Structured().Str("error_code"));
            Assert.Equal(argument, result.Structured().Str("argument"));
            Assert.Contains($"most this server sends is {limit}", result.Structured().Str("message"), StringComparison.Ordinal);
            Assert.True(result.Text().Length < 4_000, $"the error quotes {result.Text().Length} characters");
        }

        Assert.Equal(404, probe.Structured().GetProperty("status_code").GetInt32());
        Assert.True(before > 0, "the emulator's request log is not captured");
        Assert.Equal(before, EmulatorRequests());
    }

    // Every request the emulator received, from its ASP.NET Core request log.
    private int EmulatorRequests() => _emulatorLog.Lines.Count(l => l.Contains("Request starting", StringComparison.Ordinal));

    private static async Task<string> MintAsync(ModelContextProtocol.Client.McpClient org, string account)
    {
        await org.CallAsync("create_linked_account", $$"""{"account_id":"{{account}}","name":"{{account}}"}""");
        var minted = await org.CallAsync("generate_session_token", $$"""{"linked_account_id":"{{account}}"}""");
        Assert.False(minted.IsError, minted.Text());
        return minted.Structured().Str("token")!;
    }
}
