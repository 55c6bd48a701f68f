using System.Text.Json;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests.Cli;

/// <summary>
/// <c>call</c> of a tool that must be confirmed: <c>--yes</c> confirms that call, a terminal is asked y/N, and without
/// either the call stops with one line of advice and sends nothing.
/// </summary>
public sealed class CallConfirmationTests : IAsyncLifetime
{
    private const string Run = """{"workflow":"Escalate urgent ticket","linked_account_id":"acct_globex","input":{"ticket_id":"1"},"timeout_s":5}""";
    private const string RunAdvice = "refold-mcp: run_workflow must be confirmed before it runs (it sends execute_workflow); nothing was sent to Refold. Re-run with --yes to confirm this call.";
    private Upstream _emulator = null!;

    public async Task InitializeAsync() => _emulator = await Upstream.StartAsync(new ServerOptions { Emulator = true, EmulatorSpeed = 50 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> RunAsync(TextReader? terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliCommands.RunAsync(CommandLine.Parse(args), _emulator, _emulator.DemoCredential, null, output, error, false, CancellationToken.None, terminal);
        return (exit, output.ToString(), error.ToString().ReplaceLineEndings("\n"));
    }

    private async Task<int> ExecutionsAsync()
    {
        var (exit, output, error) = await RunAsync(null, "call", "list_executions", """{"linked_account_id":"acct_globex"}""");
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("totalDocs").GetInt32();
    }

    [Fact]
    public async Task Call_NeedsConfirmationWithoutYesOrTerminal_OneAdviceLineExit1NothingSent()
    {
        var before = await ExecutionsAsync();

        var (exit, output, error) = await RunAsync(null, "call", "run_workflow", Run);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal(RunAdvice + "\n", error);
        Assert.Equal(before, await ExecutionsAsync());
    }

    [Theory]
    [InlineData("--yes")]
    [InlineData("-y")]
    public async Task Call_WithYes_RunsAndTheExecutionExists(string yes)
    {
        var before = await ExecutionsAsync();

        var (exit, output, error) = await RunAsync(null, "call", "run_workflow", Run, yes);

        Assert.True(exit == 0, error);
        var id = JsonDocument.Parse(output).RootElement.Str("execution_id");
        var (found, execution, _) = await RunAsync(null, "call", "get_execution", $$"""{"execution_id":"{{id}}","linked_account_id":"acct_globex"}""");
        Assert.Equal(0, found);
        Assert.Equal(id, JsonDocument.Parse(execution).RootElement.Str("_id"));
        Assert.Equal(before + 1, await ExecutionsAsync());
    }

    [Fact]
    public async Task Call_TerminalAnswersNo_AskedWithTheRequestDeclinedNothingSent()
    {
        var before = await ExecutionsAsync();

        var (exit, _, error) = await RunAsync(new StringReader("n\n"), "call", "run_workflow", Run);

        Assert.Equal(1, exit);
        Assert.StartsWith("Allow execute_workflow (", error, StringComparison.Ordinal);
        Assert.Contains("\nLinked account: acct_globex\n", error, StringComparison.Ordinal);
        Assert.Contains("Send it? [y/N] ", error, StringComparison.Ordinal);
        Assert.Contains("The user declined execute_workflow; nothing was sent to Refold.", error, StringComparison.Ordinal);
        Assert.Equal(before, await ExecutionsAsync());
    }

    [Fact]
    public async Task Call_TerminalAnswersYes_Runs()
    {
        var before = await ExecutionsAsync();

        var (exit, output, error) = await RunAsync(new StringReader("y\n"), "call", "run_workflow", Run);

        Assert.True(exit == 0, error);
        Assert.NotNull(JsonDocument.Parse(output).RootElement.Str("execution_id"));
        Assert.Equal(before + 1, await ExecutionsAsync());
    }

    [Fact]
    public void Parse_YesOnlyOnCall_SurfaceConfirmModeUnchangedOtherCommandsRefuseIt()
    {
        var confirmed = CommandLine.Parse(["call", "run_workflow", "--yes"]);
        Assert.True(confirmed.Confirmed);
        Assert.Equal(ConfirmMode.Destructive, confirmed.Surface.Confirm);
        Assert.False(CommandLine.Parse(["call", "run_workflow"]).Confirmed);
        Assert.Throws<UsageException>(() => CommandLine.Parse(["--emulator", "--yes"]));
        Assert.Throws<UsageException>(() => CommandLine.Parse(["tools", "--yes"]));
    }

    [Fact]
    public async Task Call_ChildProcessWithStdinNotATerminal_AdviceAndTheAccountStays()
    {
        var folder = Directory.CreateTempSubdirectory("refold-cli-").FullName;
        try
        {
            var env = new Dictionary<string, string?> { ["XDG_DATA_HOME"] = folder, ["LOCALAPPDATA"] = folder };
            const string Account = """{"linked_account_id":"acct_initech"}""";

            var (refused, _, stderr) = await ServerProcess.RunAsync(env, "call", "delete_linked_account", Account, "--emulator");
            var (kept, _, _) = await ServerProcess.RunAsync(env, "call", "get_linked_account", Account, "--emulator");
            var (deleted, _, _) = await ServerProcess.RunAsync(env, "call", "delete_linked_account", Account, "--emulator", "--yes");
            var (gone, _, _) = await ServerProcess.RunAsync(env, "call", "get_linked_account", Account, "--emulator");

            Assert.Equal("refold-mcp: delete_linked_account must be confirmed before it runs; nothing was sent to Refold. Re-run with --yes to confirm this call.",
                stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[^1]);
            Assert.Equal((1, 0, 0, 1), (refused, kept, deleted, gone));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
