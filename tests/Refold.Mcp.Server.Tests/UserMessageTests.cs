using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests;

/// <summary>What a person sees when something around the server is wrong: one line saying what and how to fix it, never a stack trace.</summary>
public sealed class UserMessageTests : FakeRefoldTest
{
    private const string EmptyKey = "REFOLD_API_KEY is set but empty (what an MCP client passes when the variable its configuration names is unset): set REFOLD_API_KEY to your org's API key";
    private const string NoCredential = "No Refold credential is set: set REFOLD_API_KEY to your org's API key (with REFOLD_LINKED_ACCOUNT_ID to act for one linked account) or REFOLD_SESSION_TOKEN to a session token, or start with --emulator to use the local emulator.";
    [Fact]
    public async Task CliTools_EmptyApiKey_SaysSoAndListsWhatAnOrgKeyGets()
    {
        var (exit, stdout, stderr) = await ServerProcess.RunAsync(Env(key: ""), "tools", "--tools", "all");

        Assert.Equal(0, exit);
        Assert.StartsWith("refold-mcp: " + EmptyKey, stderr, StringComparison.Ordinal);
        Assert.EndsWith("Listed: the tools an org API key gets.", stderr.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("list_workflows", stdout, StringComparison.Ordinal);
        AssertOneCleanLine(stderr);
    }

    [Fact]
    public async Task CliCall_NoCredential_Exit2NamingWhatToSet()
    {
        var (exit, _, stderr) = await ServerProcess.RunAsync(Env(key: null), "call", "list_workflows", "{}");

        Assert.Equal(2, exit);
        Assert.Equal("refold-mcp: list_workflows needs a Refold credential. " + NoCredential, stderr.TrimEnd());
    }

    [Fact]
    public async Task Stdio_EmptyApiKey_ListsToolsAndCallAnswersWithTheAdvice()
    {
        var stderr = new ConcurrentQueue<string>();
        await using var client = await ServerProcess.ConnectStdioAsync(Env(key: ""), stderr, null, "--tools", "all");

        var tools = await client.ListToolsAsync();
        var result = await client.CallAsync("list_workflows");

        Assert.Contains(tools, t => t.Name == "list_workflows");
        Assert.True(result.IsError);
        Assert.Equal("NO_CREDENTIAL", result.Structured().Str("error_code"));
        Assert.StartsWith(EmptyKey, result.Structured().Str("hint"), StringComparison.Ordinal);
        Assert.Contains("list_workflows needs a Refold credential and this server has none", ((TextContentBlock)result.Content[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdio_TypedText_OneLineAdvice_ThenStillServesMcp()
    {
        using var process = ServerProcess.Start(Env());
        var stderr = new ConcurrentQueue<string>();
        var adviceSeen = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                stderr.Enqueue(line);
                if (line == StdioInput.NotAMessage)
                {
                    adviceSeen.TrySetResult();
                }
            }
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await process.StandardInput.WriteLineAsync("hello");
        await process.StandardInput.FlushAsync();
        await adviceSeen.Task.WaitAsync(timeout.Token);
        await process.StandardInput.WriteLineAsync(HttpHarness.InitializeJson);
        await process.StandardInput.FlushAsync();
        var answer = await process.StandardOutput.ReadLineAsync(timeout.Token);
        process.StandardInput.Close();
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, JsonDocument.Parse(answer!).RootElement.GetProperty("id").GetInt32());
        Assert.DoesNotContain(stderr, l => l.Contains("Exception", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Http_PortInUse_Exit1SayingHowToChooseAnother()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        var (exit, _, stderr) = await ServerProcess.RunAsync(Env(), "--transport", "http", "--urls", url);

        Assert.Equal(1, exit);
        Assert.Equal($"refold-mcp: {url} is already in use by another program: stop that program, or choose a free address with --urls (for example --urls http://127.0.0.1:3002).", stderr.TrimEnd());
    }

    [Fact]
    public async Task Http_PortInUseWithStderrToAFile_LogLinesAndTheAdviceBothWhole()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";
        var file = Path.Combine(Path.GetTempPath(), $"refold-mcp-stderr-{Guid.NewGuid():N}.log");
        try
        {
            var exit = await ServerProcess.RunWithStderrToFileAsync(Env(), file, "--transport", "http", "--urls", url, "--log-level", "debug");
            var lines = File.ReadAllLines(file);

            // The log queue and the final advice both write the file: neither may write over the other's lines.
            var advice = $"refold-mcp: {url} is already in use by another program: stop that program, or choose a free address with --urls (for example --urls http://127.0.0.1:3002).";
            Assert.Equal(1, exit);
            Assert.Contains(advice, lines);
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d\d:\d\d:\d\d\.\d{3} dbug: "));
            // Each log entry is one line (an exception's too), so every other line starts with its time and level.
            Assert.All(lines.Where(l => l != advice), l => Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3} (trce|dbug|info|warn|fail|crit): ", l));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CliCall_UnreachableBaseUrl_OneLineNamingTheAddressAndTheFix()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var baseUrl = $"http://127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}/";
        closed.Stop();

        var (exit, _, stderr) = await ServerProcess.RunAsync(Env(baseUrl: baseUrl), "call", "list_linked_accounts", "{}");

        Assert.Equal(1, exit);
        Assert.StartsWith($"list_linked_accounts failed: Could not reach Refold at {baseUrl}: connection refused", stderr, StringComparison.Ordinal);
        Assert.Contains("Hint: Refold could not be reached: check the base URL and the network, then repeat.", stderr, StringComparison.Ordinal);
        AssertOneCleanLine(stderr);
    }

    [Fact]
    public async Task CliCall_WrongKey_OneLineSayingRefoldRefusedIt()
    {
        var (exit, _, stderr) = await ServerProcess.RunAsync(Env(key: "tk-not-the-key"), "call", "list_linked_accounts", "{}");

        Assert.Equal(1, exit);
        Assert.Contains("(HTTP 401 UNAUTHORIZED", stderr, StringComparison.Ordinal);
        Assert.Contains("Hint: Refold refused the credential: check the API key and its environment (tk... is test, pk... is production).", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("tk-not-the-key", stderr, StringComparison.Ordinal);
        AssertOneCleanLine(stderr);
    }

    [Theory]
    [InlineData(null, "(none was given)")]
    [InlineData("text/plain", "(got 'text/plain')")]
    public async Task HttpPost_WithoutJsonContentType_415NamingTheHeader(string? contentType, string told)
    {
        await using var server = await HttpHarness.StartAsync(new Upstream(Refold.BaseUrl));
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(HttpHarness.InitializeJson));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await server.Raw.PostAsync(server.Endpoint, content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", body.Str("error"));
        Assert.Equal($"POST /mcp takes a JSON-RPC message: send it with the header Content-Type: application/json {told}.", body.Str("error_description"));
    }

    private static void AssertOneCleanLine(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Env(string? key = FakeRefold.ApiKey, string? baseUrl = null) =>
        new() { ["REFOLD_API_KEY"] = key, ["REFOLD_BASE_URL"] = baseUrl ?? Refold.BaseUrl.ToString() };
}
