using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Emulator;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Http;

namespace Refold.Benchmarks;

/// <summary>
/// The HTTP server's sessions and credential checks, in process on 127.0.0.1 against the emulator (its own limit
/// off, so only the server's per-org limiter of 20/s paces checks): memory per session, time to open sessions with
/// distinct tokens, tools/list throughput once the old 60 s credential cache would have expired, and a legitimate
/// client's session start during a forged-token flood from another address.
/// </summary>
internal static class SessionsBenchmark
{
    private const string InitializeJson =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}""";

    public static async Task<int> RunAsync(int tokens)
    {
        await using var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions { RateLimit = { Enabled = false }, ConfigureLogging = l => l.SetMinimumLevel(LogLevel.Warning) });
        await using var upstream = new Upstream(emulator.BaseUrl, RefoldCredential.FromApiKey(emulator.ApiKey));
        var clock = new ShiftedClock();
        var options = new ServerOptions
        {
            Transport = Transport.Http,
            Urls = "http://127.0.0.1:0",
            LogLevel = "Warning",
            Sessions = new HttpSessionOptions { MaxSessionsPerCredential = 5000 },
        };
        await using var app = HttpServer.Build(options, upstream, time: clock);
        await app.StartAsync();
        var endpoint = new Uri(app.Urls.First().TrimEnd('/') + HttpServer.Endpoint);
        using var raw = new HttpClient();

        // Memory per session: 1,000 stateful sessions of the demo org (one credential, so no checks).
        await PostAsync(raw, endpoint, InitializeJson, null);
        var before = Settle();
        for (var i = 0; i < 1000; i++)
        {
            using var r = await PostAsync(raw, endpoint, InitializeJson, null);
            r.EnsureSuccessStatusCode();
        }

        var after = Settle();
        Console.WriteLine($"memory: {(after - before) / 1000.0 / 1024:0.0} KiB per session at 1,000 stateful sessions");

        var minted = await MintAsync(emulator, tokens);
        var opened = Stopwatch.StartNew();
        var clients = await Task.WhenAll(minted.Select(t => ConnectAsync(endpoint, t, null)));
        Console.WriteLine($"open: {tokens} sessions with distinct tokens (one org) in {opened.Elapsed.TotalSeconds:0.00} s");

        await ListToolsAsync(clock, clients, 61, "");
        var legitimate = (await MintAsync(emulator, 2, "bench_flood_")).ToList();
        var baseline = Stopwatch.StartNew();
        await (await ConnectAsync(endpoint, legitimate[0], IPAddress.Parse("127.0.0.2"))).ListToolsAsync();
        var quiet = baseline.Elapsed.TotalMilliseconds;
        var flood = Enumerable.Range(0, 300).Select(i => PostAsync(raw, endpoint, InitializeJson, Forged(i))).ToList();
        var during = Stopwatch.StartNew();
        await (await ConnectAsync(endpoint, legitimate[1], IPAddress.Parse("127.0.0.2"))).ListToolsAsync();
        var loud = during.Elapsed.TotalMilliseconds;
        var answered = await Task.WhenAll(flood);
        var floodTime = during.Elapsed.TotalMilliseconds;
        Console.WriteLine($"flood: legitimate session start + tools/list {quiet:0} ms alone, {loud:0} ms during 300 forged tokens from another address "
            + $"(flood answered in {floodTime:0} ms: {answered.Count(r => r.StatusCode == HttpStatusCode.Unauthorized)} × 401, "
            + $"{answered.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests)} × 429)");
        await ListToolsAsync(clock, clients, 301, "; each session's revocation recheck runs in the background");
        return 0;
    }

    /// <summary>20 tools/list calls per session, all sessions at once, with the clock moved <paramref name="shift"/> seconds on.</summary>
    private static async Task ListToolsAsync(ShiftedClock clock, McpClient[] clients, int shift, string note)
    {
        clock.Shift = TimeSpan.FromSeconds(shift);
        var calls = 0;
        var listed = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async c =>
        {
            for (var i = 0; i < 20; i++)
            {
                await c.ListToolsAsync();
                Interlocked.Increment(ref calls);
            }
        }));
        Console.WriteLine($"tools/list at +{shift} s: {calls / listed.Elapsed.TotalSeconds:0} calls/s ({calls} calls over {clients.Length} sessions{note})");
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri endpoint, string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        return await http.SendAsync(request);
    }

    private static async Task<McpClient> ConnectAsync(Uri endpoint, string token, IPAddress? source)
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        };
        var transport = source is null ? new HttpClientTransport(options) : new HttpClientTransport(options, FromAddress(source), ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    /// <summary>Linked accounts and their session tokens, straight from the emulator (its limit is off).</summary>
    private static async Task<string[]> MintAsync(RefoldEmulator emulator, int count, string prefix = "bench_")
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        http.DefaultRequestHeaders.Add(RefoldHeaders.ApiKey, emulator.ApiKey);
        var create = RefoldCatalog.Find("create_linked_account")!;
        var generate = RefoldCatalog.Find("generate_session_token")!;
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            (await http.PostAsJsonAsync(create.Route.TrimStart('/'), new JsonObject { ["account_id"] = prefix + i, ["name"] = "Bench " + i })).EnsureSuccessStatusCode();
            var answer = await http.PostAsJsonAsync(generate.Route.TrimStart('/'), new JsonObject { ["linked_account_id"] = prefix + i });
            return (string)(await answer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        }));
    }

    /// <summary>A plausible session token Refold never issued: the demo org, a fresh iat and exp, a bad signature.</summary>
    private static string Forged(int i)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $$"""{"org_id":"{{EmulatorDefaults.OrgId}}","linked_account_id":"forged_{{i}}","environment":"test","iat":{{now}},"exp":{{now + 3600}}}""";
        return $"{B64("""{"alg":"HS256","typ":"JWT"}""")}.{B64(payload)}.{B64("forged")}";
    }

    private static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static HttpClient FromAddress(IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    });

    /// <summary>The system clock moved forward by <see cref="Shift"/>, to stand where a cache would have expired.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
