using System.Collections.Concurrent;
using System.Text.Json;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests;

/// <summary>The built executable: stdio server as a child process with a real MCP client, and the CLI commands.</summary>
public sealed class ProcessTests : FakeRefoldTest
{
    private Dictionary<string, string?> Env(string? token = null) => token is null
        ? new() { ["REFOLD_API_KEY"] = FakeRefold.ApiKey, ["REFOLD_BASE_URL"] = Refold.BaseUrl.ToString() }
        : new() { ["REFOLD_SESSION_TOKEN"] = token, ["REFOLD_BASE_URL"] = Refold.BaseUrl.ToString() };

    [Theory]
    [InlineData(null, "2026-07-28")]
    [InlineData("2025-11-25", "2025-11-25")]
    public async Task Stdio_ChildProcess_ListsCallsAndReportsErrors(string? protocol, string negotiated)
    {
        var stderr = new ConcurrentQueue<string>();
        await using (var client = await ServerProcess.ConnectStdioAsync(Env(), stderr, protocol, "--log-level", "debug"))
        {
            var tools = await client.ListToolsAsync();
            var apps = await client.CallAsync("call_read_operation", """{"name":"list_applications"}""");
            var missing = await client.CallAsync("get_linked_account", """{"linked_account_id":"acct_missing"}""");
            var bad = await client.CallAsync("list_linked_accounts", """{"page":"two"}""");

            Assert.Equal(negotiated, client.NegotiatedProtocolVersion);
            Assert.Contains(tools, t => t.Name == "search_operations");
            Assert.Equal("hubspot", apps.Structured().GetProperty("items")[0].Str("slug"));
            Assert.Equal(404, missing.Structured().GetProperty("status_code").GetInt32());
            Assert.Equal("page", bad.Structured().Str("argument"));
        }

        Assert.DoesNotContain(stderr, l => l.Contains(FakeRefold.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stdio_ChildProcessStartsListsAndCallsOnce_RefoldSeesOnlyThatCall()
    {
        var stderr = new ConcurrentQueue<string>();
        await using (var client = await ServerProcess.ConnectStdioAsync(Env(), stderr))
        {
            await client.ListToolsAsync();
            var missing = await client.CallAsync("get_linked_account", """{"linked_account_id":"acct_missing"}""");
            Assert.Equal(404, missing.Structured().GetProperty("status_code").GetInt32());
        }

        // The start-up warm-up builds the client and a throwaway pipeline while the host starts, and sends nothing:
        // the one request Refold got, with the process gone, is the call's.
        Assert.Equal(["get_linked_account"], Refold.Requests.Select(r => r.Operation));
    }

    [Fact]
    public async Task Stdio_ChildProcessWithSessionToken_ScopedAndSilentAboutToken()
    {
        var token = Refold.MintToken("acct_alpha");
        var stderr = new ConcurrentQueue<string>();
        await using (var client = await ServerProcess.ConnectStdioAsync(Env(token), stderr, null, "--tools", "all", "--log-level", "debug"))
        {
            var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
            var me = await client.CallAsync("get_active_linked_account");

            Assert.DoesNotContain("list_linked_accounts", tools);
            Assert.Equal("acct_alpha", me.Structured().Str("account_id"));
        }

        Assert.DoesNotContain(stderr, l => l.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cli_ToolsJson_PrintsToolsListOfTheSurface()
    {
        var (exit, stdout, _) = await ServerProcess.RunAsync(Env(), "tools", "--json", "--toolsets", "schedules");

        Assert.Equal(0, exit);
        var names = JsonDocument.Parse(stdout).RootElement.GetProperty("tools").EnumerateArray().Select(t => t.Str("name")).ToList();
        Assert.Contains("pause_schedule", names);
        Assert.All(names, n => Assert.Contains("schedule", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cli_CallSuccess_PrintsStructuredResultExit0()
    {
        var (exit, stdout, _) = await ServerProcess.RunAsync(Env(), "call", "list_linked_accounts", """{"page":1}""");

        Assert.Equal(0, exit);
        Assert.Equal(2, JsonDocument.Parse(stdout).RootElement.GetProperty("docs").GetArrayLength());
    }

    [Fact]
    public async Task Cli_CallErrorResult_Exit1WithStructuredError()
    {
        var (exit, stdout, stderr) = await ServerProcess.RunAsync(Env(), "call", "get_linked_account", """{"linked_account_id":"acct_missing"}""");

        Assert.Equal(1, exit);
        Assert.Equal("RESOURCE_NOT_FOUND", JsonDocument.Parse(stdout).RootElement.Str("error_code"));
        Assert.Contains("Linked account not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_CallOperationWithoutOwnTool_RunsItThroughTheCatalog()
    {
        var (exit, stdout, _) = await ServerProcess.RunAsync(Env(), "call", "get_workflow", """{"workflowId":"wf_missing"}""");

        // get_workflow is no first-class tool of the compact surface, but it is reachable, so the CLI runs it.
        Assert.Equal(1, exit);
        Assert.Equal("get_workflow", JsonDocument.Parse(stdout).RootElement.Str("operation"));
    }

    [Fact]
    public async Task Cli_CallWithDuplicateArgument_Exit2NamingIt()
    {
        var (exit, _, stderr) = await ServerProcess.RunAsync(Env(), "call", "list_linked_accounts", """{"limit":1,"limit":2}""");

        Assert.Equal(2, exit);
        Assert.Contains("limit", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_CallUnknownName_Exit2()
    {
        var (exit, _, stderr) = await ServerProcess.RunAsync(Env(), "call", "no_such_operation", "{}");

        Assert.Equal(2, exit);
        Assert.Contains("no_such_operation", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_UnknownOption_Exit2WithHelpPointer()
    {
        var (exit, _, stderr) = await ServerProcess.RunAsync(Env(), "--frobnicate");

        Assert.Equal(2, exit);
        Assert.Contains("--help", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_Help_ListsCommandsExit0()
    {
        var (exit, stdout, _) = await ServerProcess.RunAsync(Env(), "--help");

        Assert.Equal(0, exit);
        Assert.Contains("call <TOOL>", stdout, StringComparison.Ordinal);
    }
}
