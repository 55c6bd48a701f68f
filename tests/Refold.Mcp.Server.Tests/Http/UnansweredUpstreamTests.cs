using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests.Http;

/// <summary>
/// An upstream that takes the request and never answers, through the real MCP client over HTTP on a fake clock: the
/// tool call ends with the structured timeout error inside the configured deadline, never later.
/// </summary>
public sealed class UnansweredUpstreamTests : FakeRefoldTest
{
    private const int Deadline = 10;
    private readonly List<HttpHarness> _servers = [];

    public override async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task ToolCall_WriteNeverAnswered_TimeoutErrorOutcomeUnknownWithCheckWithinDeadline()
    {
        Refold.NeverAnswer["execute_workflow"] = true;
        var (clock, client) = await ConnectAsync();

        var call = client.CallAsync("execute_workflow", """{"workflowId":"wf_1","slug":"hubspot","payload":{"lead":"pat@example.com"}}""");
        await AdvanceToDeadlineAsync(clock, call);
        var result = await call.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
        var error = result.Structured();

        Assert.True(result.IsError);
        Assert.Equal("timeout", error.Str("kind"));
        Assert.Equal("UPSTREAM_TIMEOUT", error.Str("error_code"));
        Assert.Equal("unknown", error.Str("outcome"));
        Assert.False(error.GetProperty("retryable").GetBoolean());
        Assert.Contains("""list_executions with workflow_id="wf_1", """, error.Str("hint"), StringComparison.Ordinal);
        Assert.Equal(1, Refold.Unanswered);
    }

    [Fact]
    public async Task ToolCall_ReadNeverAnswered_RetryableTimeoutErrorWithinDeadline()
    {
        Refold.NeverAnswer["list_executions"] = true;
        var (clock, client) = await ConnectAsync();

        var call = client.CallAsync("list_executions");
        await AdvanceToDeadlineAsync(clock, call);
        var result = await call.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
        var error = result.Structured();

        Assert.True(result.IsError);
        Assert.Equal("timeout", error.Str("kind"));
        Assert.Equal("UPSTREAM_TIMEOUT", error.Str("error_code"));
        Assert.True(error.GetProperty("retryable").GetBoolean());
        Assert.Contains($"{Deadline} s", error.Str("message"), StringComparison.Ordinal);
        // The read was retried inside the deadline.
        Assert.True(Refold.Unanswered >= 2, $"{Refold.Unanswered} attempts");
    }

    private async Task<(FakeTimeProvider Clock, McpClient Client)> ConnectAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = CommandLine.Parse(["--deadline", $"{Deadline}", "--attempt-timeout", "3"]) with
        {
            Surface = new Surface { Mode = ToolMode.All, Confirm = ConfirmMode.Never },
        };
        var http = await HttpHarness.StartAsync(new Upstream(Refold.BaseUrl), options, clock);
        _servers.Add(http);
        return (clock, await http.ConnectAsync(HttpHarness.Bearer(Refold.MintToken("acct_alpha"))));
    }

    // Moves the fake clock a second at a time up to the deadline and no further, letting the server react in between
    // (a retry after an attempt timed out); the call must then end without more fake time passing.
    private async Task AdvanceToDeadlineAsync(FakeTimeProvider clock, Task<CallToolResult> call)
    {
        await Eventually.TrueAsync(() => call.IsCompleted || Refold.Unanswered > 0, "the call reached Refold");
        for (var second = 0; second < Deadline && !call.IsCompleted; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System));
        }
    }
}
