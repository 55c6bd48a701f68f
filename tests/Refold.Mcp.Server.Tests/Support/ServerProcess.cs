using System.Collections.Concurrent;
using System.Diagnostics;
using ModelContextProtocol.Client;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>The real <c>refold-mcp</c> executable as a child process (copied beside the tests by the project reference).</summary>
internal static class ServerProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "refold-mcp.dll");

    /// <summary>An MCP client over the child process's stdio; its stderr lines are collected in <paramref name="stderr"/>.</summary>
    public static Task<McpClient> ConnectStdioAsync(IDictionary<string, string?> environment, ConcurrentQueue<string> stderr, string? protocolVersion = null, params string[] args) =>
        McpClient.CreateAsync(
            new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "refold-mcp",
                Command = "dotnet",
                Arguments = [Dll, .. args],
                EnvironmentVariables = Clean(environment),
                StandardErrorLines = stderr.Enqueue,
                ShutdownTimeout = TimeSpan.FromSeconds(10),
            }),
            new McpClientOptions
            {
                ProtocolVersion = protocolVersion,

                // A child process (dotnet start-up, maybe the emulator) on a loaded machine can answer the 2.4.0 client's
                // server/discover probe after its 5 s default, and the client would then quietly fall back to initialize
                // (2025-11-25). The probe waits as long as initialization does instead: a server without server/discover
                // still answers it with an error at once, so the negotiated version is still what the tests check.
                DiscoverProbeTimeout = Timeout.InfiniteTimeSpan,
                InitializationTimeout = TimeSpan.FromSeconds(120),
            });

    /// <summary>
    /// Starts the server over HTTP on 127.0.0.1:0 and returns once it logs where it listens: the process, its base
    /// address, and its stderr lines (kept being read, so the child never blocks on a full pipe).
    /// </summary>
    public static async Task<(Process Process, Uri BaseAddress, ConcurrentQueue<string> Stderr)> StartHttpAsync(IDictionary<string, string?> environment, params string[] args)
    {
        var process = Start(environment, ["--transport", "http", "--urls", "http://127.0.0.1:0", .. args]);
        process.StandardInput.Close();
        var stderr = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                listening.TrySetException(new InvalidOperationException("refold-mcp exited before listening: " + string.Join('\n', stderr)));
                return;
            }

            stderr.Enqueue(line);
            if (System.Text.RegularExpressions.Regex.Match(line, @"listening on (http://[^\s,]+?)/mcp") is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return (process, address, stderr);
    }

    /// <summary>Runs a CLI command to the end.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(environment, args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the executable with every standard stream redirected, for a test that types at it.</summary>
    /// <summary>Runs the executable with its stderr sent to <paramref name="file"/> by a shell (<c>2&gt;file</c>, a seekable file, not a pipe); returns the exit code.</summary>
    public static async Task<int> RunWithStderrToFileAsync(IDictionary<string, string?> environment, string file, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("file=$1; shift; exec dotnet \"$@\" 2>\"$file\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Clean(environment))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public static Process Start(IDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Clean(environment))
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    // The test runner's own Refold variables must not leak into the child.
    private static Dictionary<string, string?> Clean(IDictionary<string, string?> environment)
    {
        var result = new Dictionary<string, string?>
        {
            ["REFOLD_API_KEY"] = null, ["REFOLD_SESSION_TOKEN"] = null, ["REFOLD_LINKED_ACCOUNT_ID"] = null, ["REFOLD_BASE_URL"] = null,
        };
        foreach (var (name, value) in environment)
        {
            result[name] = value;
        }

        return result;
    }
}
