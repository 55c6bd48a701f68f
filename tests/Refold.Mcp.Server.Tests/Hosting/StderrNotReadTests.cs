using System.Text.Json;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Hosting;

/// <summary>A client that never reads the server's stderr: the stdio server keeps answering once the pipe is full.</summary>
public sealed class StderrNotReadTests
{
    private const int Calls = 100;
    private const string Call = """{"jsonrpc":"2.0","id":ID,"method":"tools/call","params":{"name":"get_linked_account","arguments":{"linked_account_id":"acct_globex"}}}""";

    [Fact]
    public async Task Stdio_StderrNeverReadWithTraceLogs_EveryCallStillAnswered()
    {
        // Trace logging writes several KiB per call: the 64 KiB stderr pipe, never read here, is full within a dozen calls.
        using var process = ServerProcess.Start(new Dictionary<string, string?>(), "--emulator", "--ephemeral", "--log-level", "trace");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            await SendAsync(process, HttpHarness.InitializeJson);
            Assert.NotNull(await process.StandardOutput.ReadLineAsync(timeout.Token));
            await SendAsync(process, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");

            var answered = new List<int>();
            for (var id = 10; id < 10 + Calls; id++)
            {
                await SendAsync(process, Call.Replace("ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                answered.Add(JsonDocument.Parse(line!).RootElement.GetProperty("id").GetInt32());
            }

            Assert.Equal(Enumerable.Range(10, Calls), answered);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static async Task SendAsync(System.Diagnostics.Process process, string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }
}
