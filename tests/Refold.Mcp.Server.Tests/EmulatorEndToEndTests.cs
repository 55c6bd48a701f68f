using System.Collections.Concurrent;
using System.Net;
using Refold.Emulator;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// End to end against the real emulator with a real MCP client: the executable over stdio with --emulator, and the
/// HTTP server on 127.0.0.1:0 with the embedded emulator (sessions without a credential act as the demo org).
/// </summary>
public sealed class EmulatorEndToEndTests
{
    private static readonly string DemoKey = EmulatorDefaults.ApiKey;

    [Fact]
    public async Task Stdio_Emulator_CreateAccountTokenNotFoundAndBadArgument()
    {
        var stderr = new ConcurrentQueue<string>();
        string token;
        await using (var client = await ServerProcess.ConnectStdioAsync(new Dictionary<string, string?>(), stderr, null, "--emulator", "--log-level", "debug"))
        {
            var tools = await client.ListToolsAsync();
            var created = await client.CallAsync("create_linked_account", """{"account_id":"acct_e2e_stdio","name":"E2E Stdio Co"}""");
            var minted = await client.CallAsync("generate_session_token", """{"linked_account_id":"acct_e2e_stdio"}""");
            var fetched = await client.CallAsync("get_linked_account", """{"linked_account_id":"acct_e2e_stdio"}""");
            var missing = await client.CallAsync("get_linked_account", """{"linked_account_id":"acct_nobody"}""");
            var bad = await client.CallAsync("list_linked_accounts", """{"limit":"ten"}""");

            Assert.Contains(tools, t => t.Name == "list_linked_accounts");
            Assert.False(created.IsError, created.Text());
            Assert.Equal("acct_e2e_stdio", created.Structured().Str("account_id"));
            Assert.False(minted.IsError, minted.Text());
            token = minted.Structured().Str("token")!;
            Assert.Equal("E2E Stdio Co", fetched.Structured().Str("name"));
            Assert.True(missing.IsError);
            Assert.Equal(404, missing.Structured().GetProperty("status_code").GetInt32());
            Assert.Equal("NOT_FOUND", missing.Structured().Str("http_error_type"));
            Assert.Contains("acct_nobody", missing.Structured().Str("message"), StringComparison.Ordinal);
            Assert.True(bad.IsError);
            Assert.Equal("limit", bad.Structured().Str("argument"));
            Assert.Equal("INVALID_ARGUMENT", bad.Structured().Str("error_code"));
        }

        Assert.Contains(stderr, l => l.Contains("embedded Refold emulator", StringComparison.Ordinal));
        Assert.DoesNotContain(stderr, l => l.Contains(DemoKey, StringComparison.Ordinal) || l.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Http_Emulator_DemoSessionMintsTokensAndTokenSessionsAreIsolated()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        await using var http = await HttpHarness.StartAsync(upstream, new ServerOptions { LogLevel = "Debug" });

        // No credential: the demo org (API key) — org tools listed, accounts created, tokens minted.
        var demo = await http.ConnectAsync();
        var demoTools = (await demo.ListToolsAsync()).Select(t => t.Name).ToList();
        await demo.CallAsync("create_linked_account", """{"account_id":"acct_e2e_a","name":"Alpha E2E"}""");
        await demo.CallAsync("create_linked_account", """{"account_id":"acct_e2e_b","name":"Beta E2E"}""");
        var tokenA = (await demo.CallAsync("generate_session_token", """{"linked_account_id":"acct_e2e_a"}""")).Structured().Str("token")!;
        var tokenB = (await demo.CallAsync("generate_session_token", """{"linked_account_id":"acct_e2e_b"}""")).Structured().Str("token")!;
        var missing = await demo.CallAsync("get_linked_account", """{"linked_account_id":"acct_nobody"}""");

        // Two concurrent sessions, one per account's token, on both protocol generations.
        var a = await http.ConnectAsync(HttpHarness.Bearer(tokenA), "2025-11-25");
        var b = await http.ConnectAsync(HttpHarness.Bearer(tokenB));
        var mine = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).CallAsync("get_active_linked_account")));
        var aTools = (await a.ListToolsAsync()).Select(t => t.Name).ToList();
        var bTools = (await b.ListToolsAsync()).Select(t => t.Name).ToList();
        var aReadsB = await a.CallAsync("get_linked_account", """{"linked_account_id":"acct_e2e_b"}""");
        var aSearch = await a.CallAsync("search_operations", """{"query":"linked account"}""");
        var aOrgOnly = await a.CallAsync("call_destructive_operation", """{"name":"delete_linked_account","arguments":{"linked_account_id":"acct_e2e_b"}}""");
        var bStillThere = await demo.CallAsync("get_linked_account", """{"linked_account_id":"acct_e2e_b"}""");

        Assert.Contains("list_linked_accounts", demoTools);
        Assert.Contains("generate_session_token", demoTools);
        Assert.Equal(404, missing.Structured().GetProperty("status_code").GetInt32());
        for (var i = 0; i < mine.Length; i++)
        {
            Assert.False(mine[i].IsError, mine[i].Text());
            Assert.Equal(i % 2 == 0 ? "acct_e2e_a" : "acct_e2e_b", mine[i].Structured().Str("account_id"));
        }

        Assert.Equal(aTools, bTools);
        Assert.DoesNotContain("list_linked_accounts", aTools);
        Assert.DoesNotContain("generate_session_token", aTools);
        Assert.Contains("get_active_linked_account", aTools);
        Assert.True(aReadsB.IsError);
        Assert.DoesNotContain(aSearch.Structured().GetProperty("operations").EnumerateArray(), o => o.Str("name") is "list_linked_accounts" or "delete_linked_account");
        Assert.True(aOrgOnly.IsError);
        Assert.False(bStillThere.IsError, bStillThere.Text());

        // A forged token is refused even though anonymous sessions are allowed here.
        using var forged = await http.PostAsync(HttpHarness.InitializeJson, HttpHarness.Bearer(FakeRefold.ForgedToken("acct_e2e_a")));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        Assert.NotEmpty(http.Logs.Lines);
        Assert.Empty(http.Logs.Leaks(DemoKey, tokenA, tokenB, tokenA.Split('.')[2], tokenB.Split('.')[2]));
    }

    [Fact]
    public async Task Stdio_Emulator_ExecuteWorkflowAndFollowItsExecution()
    {
        // A workflow run is destructive (it may do anything); this operator lets runs go unasked.
        await using var client = await ServerProcess.ConnectStdioAsync(new Dictionary<string, string?>(), new ConcurrentQueue<string>(), null, "--emulator", "--confirm", "never", "--tools", "all");

        await AssertWorkflowRunsAsync(client);
    }

    [Fact]
    public async Task Http_Emulator_ExecuteWorkflowAndFollowItsExecution()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        await using var http = await HttpHarness.StartAsync(upstream, new ServerOptions { Surface = new Tools.Surface { Mode = Tools.ToolMode.All } });

        // A workflow run is destructive (it may do anything): the user says yes.
        await AssertWorkflowRunsAsync(await http.ConnectAsync(handlers: new TestUser().Handlers));
    }

    // Finds the seeded "Announce paid invoice" workflow, runs it synchronously for a linked account, then reads the
    // execution the run created: completed, with every node a success and the workflow's answer as return value.
    private static async Task AssertWorkflowRunsAsync(ModelContextProtocol.Client.McpClient client)
    {
        var workflows = await client.CallAsync("list_workflows", "{}");
        Assert.False(workflows.IsError, workflows.Text());
        var workflow = workflows.Structured().GetProperty("docs").EnumerateArray().Single(w => w.Str("name") == "Announce paid invoice");

        var run = await client.CallAsync("execute_workflow",
            $$$"""{"workflowId":"{{{workflow.Str("_id")}}}","slug":"{{{workflow.Str("slug")}}}","linked_account_id":"acct_globex","sync_execution":"true","payload":{"invoice_id":"in_e2e","amount":120,"customer":"cus_e2e"}}""");
        Assert.False(run.IsError, run.Text());
        var executionId = run.Structured().Str("execution_id");

        var execution = await client.CallAsync("get_execution", $$"""{"execution_id":"{{executionId}}","linked_account_id":"acct_globex"}""");
        Assert.False(execution.IsError, execution.Text());
        var result = execution.Structured();
        Assert.Equal(executionId, result.Str("_id"));
        Assert.Equal("COMPLETED", result.Str("status"));
        Assert.All(result.GetProperty("nodes").EnumerateArray(), n => Assert.Equal("Success", n.Str("node_status")));
        Assert.Equal("in_e2e", result.GetProperty("return_value").Str("invoice_id"));
    }
}
