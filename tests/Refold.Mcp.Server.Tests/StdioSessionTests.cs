using System.Text.Json;
using ModelContextProtocol;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>The stdio server in-process with a real MCP client, against the fake Refold.</summary>
public sealed class StdioSessionTests : FakeRefoldTest
{
    private Task<InMemoryServer> StartAsync(RefoldCredential? credential = null, ServerOptions? options = null, string? protocol = null) =>
        InMemoryServer.StartAsync(Refold.BaseUrl, credential ?? RefoldCredential.FromApiKey(FakeRefold.ApiKey), options, protocol);

    [Fact]
    public async Task ListTools_OrgKeyDefault_ListsCompactSurface()
    {
        await using var server = await StartAsync();

        var tools = await server.Client.ListToolsAsync();

        var expected = new ToolSets(new Surface()).For(RefoldCredential.FromApiKey("k")).Tools.Select(t => t.Name);
        Assert.Equal(expected, tools.Select(t => t.Name));
        Assert.Contains("search_operations", tools.Select(t => t.Name));
        Assert.DoesNotContain("get_active_linked_account", tools.Select(t => t.Name));
    }

    [Theory]
    [InlineData(null, "2026-07-28")]
    [InlineData("2025-11-25", "2025-11-25")]
    public async Task Connect_ProtocolVersion_Negotiated(string? pinned, string expected)
    {
        await using var server = await StartAsync(protocol: pinned);

        Assert.Equal(expected, server.Client.NegotiatedProtocolVersion);
        Assert.NotEmpty(await server.Client.ListToolsAsync());
    }

    [Fact]
    public async Task CallTool_ArrayResult_WrappedInItemsWithJsonText()
    {
        await using var server = await StartAsync();

        var result = await server.Client.CallAsync("call_read_operation", """{"name":"list_applications"}""");

        Assert.False(result.IsError);
        Assert.Equal("hubspot", result.Structured().GetProperty("items")[0].Str("slug"));
        Assert.Equal("hubspot", JsonDocument.Parse(result.Text()).RootElement[0].Str("slug"));
    }

    [Fact]
    public async Task CallTool_UpstreamNotFound_StructuredErrorContract()
    {
        await using var server = await StartAsync();

        var result = await server.Client.CallAsync("get_linked_account", """{"linked_account_id":"acct_missing"}""");

        Assert.True(result.IsError);
        var error = result.Structured();
        Assert.Equal(404, error.GetProperty("status_code").GetInt32());
        Assert.Equal("NOT_FOUND", error.Str("http_error_type"));
        Assert.Equal("RESOURCE_NOT_FOUND", error.Str("error_code"));
        Assert.Equal("Linked account not found", error.Str("message"));
        Assert.False(error.GetProperty("retryable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("retry_after_s").ValueKind);
        Assert.Contains("list_linked_accounts", error.Str("hint"));
        Assert.Equal("req-404-1", error.Str("request_id"));
        Assert.Equal("not_found", error.Str("kind"));
        Assert.Equal("get_linked_account", error.Str("operation"));
        Assert.Contains("Linked account not found", result.Text());
    }

    [Fact]
    public async Task CallTool_WrongArgumentType_ErrorNamesFieldAndNothingSent()
    {
        await using var server = await StartAsync();

        var result = await server.Client.CallAsync("get_linked_account", """{"linked_account_id":42}""");

        Assert.True(result.IsError);
        Assert.Equal("linked_account_id", result.Structured().Str("argument"));
        Assert.Equal("INVALID_ARGUMENT", result.Structured().Str("error_code"));
        Assert.Contains("must be a string", result.Structured().Str("message"));
        Assert.DoesNotContain(Refold.Requests, r => r.Operation == "get_linked_account");
    }

    [Fact]
    public async Task CallTool_UnknownArgument_ErrorListsExpected()
    {
        await using var server = await StartAsync();

        var result = await server.Client.CallAsync("list_workflows", """{"colour":"blue"}""");

        Assert.True(result.IsError);
        Assert.Equal("colour", result.Structured().Str("argument"));
        Assert.Contains("unknown argument 'colour'", result.Structured().Str("message"));
    }

    [Fact]
    public async Task CallTool_UnknownTool_JsonRpcErrorAndSessionKeepsWorking()
    {
        await using var server = await StartAsync();

        await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.CallAsync("no_such_tool"));

        Assert.False((await server.Client.CallAsync("call_read_operation", """{"name":"list_applications"}""")).IsError);
    }

    [Fact]
    public async Task CallTool_CreateThenSessionToken_ReturnsUpstreamResults()
    {
        await using var server = await StartAsync();

        var created = await server.Client.CallAsync("create_linked_account", """{"account_id":"acct_new","name":"New Co"}""");
        var token = await server.Client.CallAsync("generate_session_token", """{"linked_account_id":"acct_new"}""");

        Assert.False(created.IsError);
        Assert.Equal("acct_new", created.Structured().Str("account_id"));
        Assert.False(token.IsError);
        Assert.Equal(3, token.Structured().Str("token")!.Split('.').Length);
        Assert.Contains(Refold.Requests, r => r.Operation == "create_linked_account" && r.Body!.Contains("\"New Co\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CatalogTools_SearchDescribeCall_ReachAnOperationWithoutItsOwnTool()
    {
        await using var server = await StartAsync(RefoldCredential.FromApiKey(FakeRefold.ApiKey, "acct_alpha"));

        var search = await server.Client.CallAsync("search_operations", """{"query":"linked account"}""");
        var names = search.Structured().GetProperty("operations").EnumerateArray().Select(o => o.Str("name")).ToList();
        var described = await server.Client.CallAsync("describe_operation", """{"name":"get_linked_account"}""");
        var called = await server.Client.CallAsync("call_read_operation", """{"name":"get_linked_account","arguments":{"linked_account_id":"acct_alpha"}}""");

        Assert.Contains("get_linked_account", names);
        Assert.Equal("get_linked_account", described.Structured().Str("name"));
        Assert.Equal("call_read_operation", described.Structured().Str("call_with"));
        Assert.True(described.Structured().GetProperty("input_schema").GetProperty("properties").TryGetProperty("linked_account_id", out _));
        Assert.False(called.IsError, called.Text());
        Assert.Equal("acct_alpha", called.Structured().Str("account_id"));
    }

    [Fact]
    public async Task CallReadOperation_WritingOperation_RefusedAndNothingSent()
    {
        await using var server = await StartAsync();

        var result = await server.Client.CallAsync("call_read_operation", """{"name":"create_linked_account","arguments":{"account_id":"x"}}""");

        Assert.True(result.IsError);
        Assert.Contains("call_write_operation", result.Structured().Str("message"));
        Assert.DoesNotContain(Refold.Requests, r => r.Operation == "create_linked_account");
    }

    [Fact]
    public async Task CallWriteOperation_ArgumentsNotObject_ErrorNamesArguments()
    {
        await using var server = await StartAsync();

        var result = await server.Client.CallAsync("call_write_operation", """{"name":"create_linked_account","arguments":[1]}""");

        Assert.True(result.IsError);
        Assert.Equal("arguments", result.Structured().Str("argument"));
    }

    [Fact]
    public async Task SessionToken_OrgOnlyOperation_HiddenFromSearchAndRefusedByCall()
    {
        var token = Refold.MintToken("acct_alpha");
        await using var server = await StartAsync(RefoldCredential.FromSessionToken(token));

        var tools = (await server.Client.ListToolsAsync()).Select(t => t.Name).ToList();
        var search = await server.Client.CallAsync("search_operations", """{"query":"linked accounts list"}""");
        var call = await server.Client.CallAsync("call_read_operation", """{"name":"list_linked_accounts"}""");

        Assert.DoesNotContain("list_linked_accounts", tools);
        Assert.Contains("get_active_linked_account", tools);
        Assert.DoesNotContain(search.Structured().GetProperty("operations").EnumerateArray(), o => o.Str("name") == "list_linked_accounts");
        Assert.True(call.IsError);
        Assert.Equal("OPERATION_NOT_ENABLED", call.Structured().Str("error_code"));
        Assert.DoesNotContain(Refold.Requests, r => r.Operation == "list_linked_accounts");
    }

    [Fact]
    public async Task SessionToken_AccountScopedTool_SendsBearerAndNeedsNoAccountArgument()
    {
        var token = Refold.MintToken("acct_alpha");
        await using var server = await StartAsync(RefoldCredential.FromSessionToken(token));

        var result = await server.Client.CallAsync("list_executions");

        Assert.False(result.IsError, result.Text());
        Assert.Equal("exec_acct_alpha", result.Structured().GetProperty("docs")[0].Str("_id"));
        Assert.Contains(Refold.Requests, r => r.Operation == "list_executions" && r.Authorization == "Bearer " + token && r.ApiKey is null);
    }

    [Fact]
    public async Task ReadOnly_WritingToolsAbsentAndCatalogRefusesWrites()
    {
        await using var server = await StartAsync(options: new ServerOptions { Surface = new Surface { ReadOnly = true } });

        var tools = await server.Client.ListToolsAsync();
        var describe = await server.Client.CallAsync("describe_operation", """{"name":"create_linked_account"}""");

        Assert.All(tools, t => Assert.True(WireHints.Read(t.ProtocolTool.Annotations).ReadOnly));
        Assert.DoesNotContain("call_write_operation", tools.Select(t => t.Name));
        Assert.True(describe.IsError);
    }

    [Fact]
    public async Task Logs_AfterCalls_HoldNoCredential()
    {
        var token = Refold.MintToken("acct_alpha");
        await using (var server = await StartAsync())
        {
            await server.Client.CallAsync("call_read_operation", """{"name":"list_applications"}""");
            await server.Client.CallAsync("get_linked_account", """{"linked_account_id":"acct_missing"}""");
            Assert.Empty(server.Logs.Leaks(FakeRefold.ApiKey));
        }

        await using (var server = await StartAsync(RefoldCredential.FromSessionToken(token)))
        {
            await server.Client.CallAsync("list_executions");
            Assert.NotEmpty(server.Logs.Lines);
            Assert.Empty(server.Logs.Leaks(token, token.Split('.')[2]));
        }
    }
}
