using System.Text.Json;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Cli;

/// <summary>What <c>call</c>, <c>tools</c> and <c>describe</c> print: tables on a terminal, JSON with --json or piped, a tool's arguments.</summary>
public sealed class CallOutputTests : IAsyncLifetime
{
    private Upstream _emulator = null!;

    public async Task InitializeAsync() => _emulator = await Upstream.StartAsync(new ServerOptions { Emulator = true });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> RunAsync(bool terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliCommands.RunAsync(CommandLine.Parse(args), _emulator, _emulator.DemoCredential, null, output, error, terminal, CancellationToken.None);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    [Fact]
    public async Task Call_ListOnTerminal_ShortTableARowPerItem()
    {
        var (exit, output, _) = await RunAsync(true, "call", "list_linked_accounts");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Matches("^_ID +ACCOUNT_ID +NAME +UPDATEDAT$", lines[0]);
        Assert.Matches("^[0-9a-f]{24} +acct_globex +Globex Corp +20", lines[1]);
        Assert.Matches("^[0-9a-f]{24} +acct_initech +Initech +20", lines[2]);
        Assert.Equal("2 items; totalDocs: 2; limit: 10; page: 1; totalPages: 1; pagingCounter: 1. --json prints every field.", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Theory]
    [InlineData(true, "--json")]
    [InlineData(false)]
    public async Task Call_ListWithJsonOrPiped_PrintsTheStructuredResult(bool terminal, params string[] extra)
    {
        var (exit, output, _) = await RunAsync(terminal, ["call", "list_linked_accounts", .. extra]);

        Assert.Equal(0, exit);
        Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("docs").GetArrayLength());
    }

    [Fact]
    public async Task Call_SingleObjectOnTerminal_StaysJson()
    {
        var (_, output, _) = await RunAsync(true, "call", "get_linked_account", """{"linked_account_id":"acct_globex"}""");

        Assert.Equal("acct_globex", JsonDocument.Parse(output).RootElement.Str("account_id"));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Tools_TableOnTerminalJsonWhenPiped(bool terminal, bool json)
    {
        var (_, output, _) = await RunAsync(terminal, "tools", "--toolsets", "schedules");

        Assert.Equal(json, output.StartsWith('{'));
        Assert.Contains(json ? "\"name\": \"pause_schedule\"" : "pause_schedule", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_RunWorkflow_TitleAnnotationsAndEveryArgument()
    {
        var (exit, output, _) = await RunAsync(true, "describe", "run_workflow");

        Assert.Equal(0, exit);
        var declared = Refold.Mcp.Server.Jobs.RunWorkflowTool.Declared;
        Assert.StartsWith($"run_workflow: {declared.Title}\n\n{declared.Description[..40]}", output, StringComparison.Ordinal);
        Assert.Contains("\nAnnotations: writes, destructive, not idempotent, open world\nArguments:\n", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  workflow +string, required\n +_id, workflow_alias or exact name", output);
        Assert.Matches(@"\n  timeout_s +integer, optional\n", output);
    }

    [Fact]
    public async Task Describe_OperationOnlyReachableThroughCatalogTools_ShowsEnum()
    {
        var (exit, output, _) = await RunAsync(true, "describe", "list_executions");

        Assert.Equal(0, exit);
        Assert.StartsWith("list_executions: ", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  status +string, optional, one of ""[A-Z_]+"", ", output);
    }

    [Fact]
    public async Task Describe_UnknownName_Exit2SuggestingTheNearest()
    {
        var (exit, _, error) = await RunAsync(true, "describe", "list_workflow");

        Assert.Equal(2, exit);
        Assert.Equal("refold-mcp: no tool or operation named 'list_workflow'; did you mean list_workflows, list_workflow_versions, list_enabled_workflows?", error.TrimEnd());
    }
}
