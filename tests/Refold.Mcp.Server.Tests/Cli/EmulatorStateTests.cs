using System.Text.Json;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Cli;

/// <summary><c>call --emulator</c> keeps the emulator's state between invocations, so a run started by one call is found by the next.</summary>
public sealed class EmulatorStateTests : IDisposable
{
    private const string RunArguments = """{"workflow":"Escalate urgent ticket","linked_account_id":"acct_globex","input":{"ticket_id":"1"},"timeout_s":5}""";
    private readonly string _folder = Directory.CreateTempSubdirectory("refold-cli-").FullName;

    // The local application data folder of the child process (XDG_DATA_HOME on Linux), so the default file lands here.
    private Dictionary<string, string?> Env => new() { ["XDG_DATA_HOME"] = _folder, ["LOCALAPPDATA"] = _folder };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Call_RunThenGetExecutionWithDefaultDataFile_SecondCallFindsTheRunAndProgressWasShown()
    {
        var (runExit, runOut, runErr) = await ServerProcess.RunAsync(Env, "call", "run_workflow", RunArguments, "--emulator", "--confirm", "never", "--emulator-speed", "50");
        var id = JsonDocument.Parse(runOut).RootElement.Str("execution_id");

        var (getExit, getOut, _) = await ServerProcess.RunAsync(Env, "call", "get_execution", $$"""{"execution_id":"{{id}}","linked_account_id":"acct_globex"}""", "--emulator");

        Assert.Equal((0, 0), (runExit, getExit));
        Assert.Equal(id, JsonDocument.Parse(getOut).RootElement.Str("_id"));
        Assert.True(File.Exists(Path.Combine(_folder, "refold-mcp", "emulator.json")));
        Assert.Contains("progress: 1/4 Start: Success", runErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_DataFileThenEphemeral_EphemeralEmulatorDoesNotKnowTheRun()
    {
        var file = Path.Combine(_folder, "chosen.json");
        var (_, runOut, _) = await ServerProcess.RunAsync(Env, "call", "run_workflow", RunArguments, "--emulator", "--data", file, "--confirm", "never", "--emulator-speed", "50");
        var get = $$"""{"execution_id":"{{JsonDocument.Parse(runOut).RootElement.Str("execution_id")}}","linked_account_id":"acct_globex"}""";

        var (kept, _, _) = await ServerProcess.RunAsync(Env, "call", "get_execution", get, "--emulator", "--data", file);
        var (thrownAway, _, stderr) = await ServerProcess.RunAsync(Env, "call", "get_execution", get, "--emulator", "--ephemeral");

        Assert.Equal((0, 1), (kept, thrownAway));
        Assert.Contains("404", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "refold-mcp", "emulator.json")));
    }

    [Fact]
    public async Task Emulator_Command_ServesTheDemoOrgThatCallReachesByBaseUrl()
    {
        var file = Path.Combine(_folder, "standalone.json");
        using var emulator = ServerProcess.Start(Env, "emulator", "--urls", "http://127.0.0.1:0", "--data", file);
        try
        {
            var first = await emulator.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var url = first!["Refold emulator listening on ".Length..];
            var key = (await emulator.StandardOutput.ReadLineAsync())!["API key: ".Length..];

            var (exit, output, _) = await ServerProcess.RunAsync(new Dictionary<string, string?> { ["REFOLD_API_KEY"] = key },
                "call", "list_linked_accounts", "--base-url", url);

            Assert.StartsWith("Refold emulator listening on http://127.0.0.1:", first, StringComparison.Ordinal);
            Assert.Equal(0, exit);
            Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetProperty("docs").GetArrayLength());
            Assert.Equal($"State: {file}", await emulator.StandardOutput.ReadLineAsync());
        }
        finally
        {
            emulator.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData(new[] { "call", "list_workflows", "--emulator" }, true, null)]
    [InlineData(new[] { "tools", "--emulator", "--ephemeral" }, false, null)]
    [InlineData(new[] { "--emulator" }, false, null)]
    [InlineData(new[] { "--emulator", "--data", "mine.json" }, false, "mine.json")]
    [InlineData(new[] { "call", "list_workflows", "--emulator", "--data", "mine.json" }, false, "mine.json")]
    public void FileFor_Command_DefaultOnlyForOneShotCommands(string[] args, bool expectDefault, string? expected) =>
        Assert.Equal(expectDefault ? EmulatorData.DefaultFile : expected, EmulatorData.FileFor(CommandLine.Parse(args)));

    [Fact]
    public void Parse_EmulatorCommand_TakesTheEmulatorsOwnFlags()
    {
        var options = CommandLine.Parse(["emulator", "--urls", "http://127.0.0.1:5080", "--data", "state.json", "--no-rate-limit"]);

        Assert.Equal(Command.Emulator, options.Command);
        Assert.Equal(("http://127.0.0.1:5080", "state.json", false), (options.StandaloneEmulator!.Urls, options.StandaloneEmulator.DataPath, options.StandaloneEmulator.RateLimit.Enabled));
        Assert.Equal("--error-rate must be a number from 0 to 1, got '3'.", Assert.Throws<UsageException>(() => CommandLine.Parse(["emulator", "--error-rate", "3"])).Message);
    }
}
