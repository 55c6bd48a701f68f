using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Refold.Api.Client;
using Refold.Emulator;
using Refold.Emulator.Seed;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// Safe writes end to end on the emulator with a real MCP client over pipes and over HTTP, on both protocol
/// generations: a destructive call asks the user (MRTR on 2026-07-28, elicitation on 2025-11-25) and runs only on
/// a yes; a dry run shows the request and sends nothing.
/// </summary>
public sealed class ConfirmationTests : IAsyncLifetime
{
    private const string Legacy = "2025-11-25";
    private readonly List<IAsyncDisposable> _owned = [];
    private Upstream _emulator = null!;

    public async Task InitializeAsync() => _emulator = await Upstream.StartAsync(new ServerOptions { Emulator = true });

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await _emulator.DisposeAsync();
    }

    private async Task<McpClient> ConnectAsync(string transport, string? protocol, McpClientHandlers? handlers, ServerOptions? options)
    {
        if (transport == "pipes")
        {
            var server = await InMemoryServer.StartAsync(_emulator.BaseUrl, _emulator.DemoCredential, options, protocol, handlers);
            _owned.Add(server);
            return server.Client;
        }

        var http = await HttpHarness.StartAsync(_emulator, options);
        _owned.Add(http);
        return await http.ConnectAsync(protocolVersion: protocol, handlers: handlers);
    }

    private static async Task<bool> ExistsAsync(McpClient client, string account) =>
        (await client.CallAsync("get_linked_account", $$"""{"linked_account_id":"{{account}}"}""")).IsError != true;

    private static string NewAccount() => "acct_confirm_" + Guid.NewGuid().ToString("N")[..10];

    private static string DeleteArguments(string account) =>
        $$$"""{"name":"delete_linked_account","arguments":{"linked_account_id":"{{{account}}}"}}""";

    [Theory]
    [InlineData("pipes", null)]
    [InlineData("pipes", Legacy)]
    [InlineData("http", null)]
    [InlineData("http", Legacy)]
    public async Task DestructiveCall_UserConfirms_RunsAfterShowingWhatChanges(string transport, string? protocol)
    {
        var user = new TestUser("accept");
        var account = NewAccount();
        var client = await ConnectAsync(transport, protocol, user.Handlers, null);
        await client.CallAsync("create_linked_account", $$"""{"account_id":"{{account}}","name":"Confirm Co"}""");

        var deleted = await client.CallAsync(CallOperationTool.DestructiveToolName, DeleteArguments(account));

        Assert.False(deleted.IsError, deleted.Text());
        Assert.False(await ExistsAsync(client, account));
        var asked = Assert.Single(user.Asked);
        Assert.Contains("delete_linked_account", asked, StringComparison.Ordinal);
        Assert.Contains(CallOperationTool.DestructiveToolName, asked, StringComparison.Ordinal);
        Assert.Contains("DELETE /", asked, StringComparison.Ordinal);
        Assert.Contains("Target linked_account_id = " + account, asked, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorDefaults.ApiKey, asked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pipes", null, "decline", true)]
    [InlineData("pipes", Legacy, "cancel", true)]
    [InlineData("http", null, "accept", false)]
    [InlineData("http", Legacy, "decline", true)]
    public async Task DestructiveCall_UserDeclines_NothingChanged(string transport, string? protocol, string action, bool confirm)
    {
        var user = new TestUser(action, confirm);
        var account = NewAccount();
        var client = await ConnectAsync(transport, protocol, user.Handlers, null);
        await client.CallAsync("create_linked_account", $$"""{"account_id":"{{account}}","name":"Kept Co"}""");

        var refused = await client.CallAsync(CallOperationTool.DestructiveToolName, DeleteArguments(account));

        Assert.True(refused.IsError);
        Assert.Equal("CONFIRMATION_DECLINED", refused.Structured().Str("error_code"));
        Assert.Contains("nothing was sent", refused.Structured().Str("message"), StringComparison.Ordinal);
        Assert.Single(user.Asked);
        Assert.True(await ExistsAsync(client, account));
    }

    [Theory]
    [InlineData("pipes", null)]
    [InlineData("pipes", Legacy)]
    [InlineData("http", null)]
    [InlineData("http", Legacy)]
    public async Task DestructiveCall_ClientCannotConfirm_ErrorNamesOptionAndNothingChanged(string transport, string? protocol)
    {
        var account = NewAccount();
        var client = await ConnectAsync(transport, protocol, null, new ServerOptions { Surface = new Surface { Mode = ToolMode.All } });
        await client.CallAsync("create_linked_account", $$"""{"account_id":"{{account}}","name":"Unasked Co"}""");

        var refused = await client.CallAsync("delete_linked_account", $$"""{"linked_account_id":"{{account}}"}""");

        Assert.True(refused.IsError);
        Assert.Equal("CONFIRMATION_UNAVAILABLE", refused.Structured().Str("error_code"));
        Assert.Contains("--confirm never", refused.Structured().Str("hint"), StringComparison.Ordinal);
        Assert.True(await ExistsAsync(client, account));
    }

    [Theory]
    [InlineData("pipes", null)]
    [InlineData("http", Legacy)]
    public async Task DestructiveCall_ConfirmNever_RunsWithoutAsking(string transport, string? protocol)
    {
        var account = NewAccount();
        var options = CommandLine.Parse(["--confirm", "never"]);
        var client = await ConnectAsync(transport, protocol, null, options);
        await client.CallAsync("create_linked_account", $$"""{"account_id":"{{account}}","name":"Gone Co"}""");

        var deleted = await client.CallAsync(CallOperationTool.DestructiveToolName, DeleteArguments(account));

        Assert.False(deleted.IsError, deleted.Text());
        Assert.False(await ExistsAsync(client, account));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Legacy)]
    public async Task ConfirmWrites_UserDeclinesCreate_NothingCreated(string? protocol)
    {
        var user = new TestUser("decline");
        var account = NewAccount();
        var client = await ConnectAsync("pipes", protocol, user.Handlers, CommandLine.Parse(["--confirm", "writes"]));

        var refused = await client.CallAsync("create_linked_account", $$"""{"account_id":"{{account}}","name":"Never Co"}""");

        Assert.Equal("CONFIRMATION_DECLINED", refused.Structured().Str("error_code"));
        Assert.Contains("With name = Never Co", Assert.Single(user.Asked), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(client, account));
    }

    [Theory]
    [InlineData("pipes", null)]
    [InlineData("http", Legacy)]
    public async Task DryRun_Write_ShowsRequestRedactedAndSendsNothing(string transport, string? protocol)
    {
        var user = new TestUser("accept");
        var account = NewAccount();
        var client = await ConnectAsync(transport, protocol, user.Handlers, null);

        var created = await client.CallAsync("create_linked_account", $$"""{"account_id":"{{account}}","name":"Dry Co","dry_run":true}""");
        var deleted = await client.CallAsync(CallOperationTool.DestructiveToolName,
            $$$"""{"name":"delete_linked_account","arguments":{"linked_account_id":"{{{DemoOrg.InitechAccount}}}","dry_run":true}}""");

        Assert.False(created.IsError, created.Text());
        var request = created.Structured().GetProperty("request");
        Assert.False(created.Structured().GetProperty("sent").GetBoolean());
        Assert.Equal("POST", request.Str("method"));
        Assert.StartsWith(_emulator.BaseUrl.AbsoluteUri, request.Str("url"), StringComparison.Ordinal);
        Assert.Equal(account, request.GetProperty("body").Str("account_id"));
        Assert.Equal(RequestPreview.Redacted, request.GetProperty("headers").Str(RefoldHeaders.ApiKey));
        Assert.DoesNotContain(EmulatorDefaults.ApiKey, created.Text(), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(client, account));
        Assert.Equal("DELETE", deleted.Structured().GetProperty("request").Str("method"));
        Assert.Empty(user.Asked);
        Assert.True(await ExistsAsync(client, DemoOrg.InitechAccount));
    }

    [Fact]
    public async Task Mrtr_AnswerWithoutTicketForgedReplayedOrForAnotherCall_AsksAgainAndNothingSent()
    {
        var http = await HttpHarness.StartAsync(_emulator);
        _owned.Add(http);
        var (first, second) = (NewAccount(), NewAccount());
        var demo = await http.ConnectAsync();
        await demo.CallAsync("create_linked_account", $$"""{"account_id":"{{first}}","name":"First Co"}""");
        await demo.CallAsync("create_linked_account", $$"""{"account_id":"{{second}}","name":"Second Co"}""");

        var asked = await RawDeleteAsync(http, first, state: null, answered: false);
        var ticket = asked.GetProperty("requestState").GetString()!;
        var noTicket = await RawDeleteAsync(http, first, state: null, answered: true);
        var forged = await RawDeleteAsync(http, first, state: ticket[..^4] + "beef", answered: true);
        var otherCall = await RawDeleteAsync(http, second, state: ticket, answered: true);
        var confirmed = await RawDeleteAsync(http, first, state: ticket, answered: true);
        var secondExistsAfterFirst = await ExistsAsync(demo, second);
        var secondTicket = (await RawDeleteAsync(http, second, state: null, answered: false)).GetProperty("requestState").GetString()!;
        await RawDeleteAsync(http, second, state: secondTicket, answered: false);
        var replayed = await RawDeleteAsync(http, second, state: secondTicket, answered: true);

        Assert.Equal("input_required", asked.Str("resultType"));
        Assert.True(asked.GetProperty("inputRequests").TryGetProperty(Confirmation.Field, out _));
        Assert.All([noTicket, forged, otherCall, replayed], r => Assert.Equal("input_required", r.Str("resultType")));
        Assert.Equal("complete", confirmed.Str("resultType"));
        Assert.False(confirmed.GetProperty("isError").GetBoolean(), confirmed.ToString());
        Assert.False(await ExistsAsync(demo, first));
        Assert.True(secondExistsAfterFirst);
        Assert.True(await ExistsAsync(demo, second));
    }

    /// <summary>A 2026-07-28 tools/call as a hand-made client sends it: an accepted "yes" when <paramref name="answered"/>, with the given request state.</summary>
    private static async Task<JsonElement> RawDeleteAsync(HttpHarness http, string account, string? state, bool answered)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["name"] = CallOperationTool.DestructiveToolName,
            ["arguments"] = JsonSerializer.Deserialize<JsonElement>(DeleteArguments(account)),
            ["_meta"] = new Dictionary<string, object>
            {
                ["io.modelcontextprotocol/protocolVersion"] = "2026-07-28",
                ["io.modelcontextprotocol/clientInfo"] = new Dictionary<string, string> { ["name"] = "raw", ["version"] = "1" },
                ["io.modelcontextprotocol/clientCapabilities"] = new Dictionary<string, object> { ["elicitation"] = new Dictionary<string, object> { ["form"] = new Dictionary<string, object>() } },
            },
        };
        if (answered)
        {
            parameters["inputResponses"] = new Dictionary<string, object> { [Confirmation.Field] = new Dictionary<string, object> { ["action"] = "accept", ["content"] = new Dictionary<string, bool> { [Confirmation.Field] = true } } };
        }

        if (state is not null)
        {
            parameters["requestState"] = state;
        }

        var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "tools/call", ["params"] = parameters });
        using var response = await http.PostAsync(body, new Dictionary<string, string>
        {
            ["MCP-Protocol-Version"] = "2026-07-28",
            ["Mcp-Method"] = "tools/call",
            ["Mcp-Name"] = CallOperationTool.DestructiveToolName,
        });
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("data: {", StringComparison.Ordinal)).Select(l => l[6..]).FirstOrDefault() ?? text;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("result").Clone();
    }
}
