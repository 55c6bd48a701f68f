using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Http;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>The stdio server in-process over a pair of pipes, with a real MCP client, against a fake Refold.</summary>
public sealed class InMemoryServer : IAsyncDisposable
{
    private IHost _host = null!;
    private Upstream _upstream = null!;

    public McpClient Client { get; private set; } = null!;

    public LogCapture Logs { get; } = new();

    /// <summary>The server's services, to inspect what its container built.</summary>
    public IServiceProvider Services => _host.Services;

    /// <param name="handlers">The client's handlers, e.g. an elicitation handler standing in for the user.</param>
    public static async Task<InMemoryServer> StartAsync(Uri upstream, RefoldCredential? credential, ServerOptions? options = null, string? protocolVersion = null,
        McpClientHandlers? handlers = null)
    {
        var server = new InMemoryServer { _upstream = new Upstream(upstream) };
        Pipe toServer = new(), toClient = new();
        server._host = StdioServer.Build(options ?? new ServerOptions(), server._upstream, credential,
            (toServer.Reader.AsStream(), toClient.Writer.AsStream()), l => l.AddProvider(server.Logs));
        await server._host.StartAsync();
        server.Client = await McpClient.CreateAsync(
            new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()),
            new McpClientOptions { ProtocolVersion = protocolVersion, Handlers = handlers ?? new() });
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
        await _upstream.DisposeAsync();
    }
}

/// <summary>The HTTP server in-process on 127.0.0.1:0 against a fake Refold (or the emulator).</summary>
public sealed class HttpHarness : IAsyncDisposable
{
    private WebApplication _app = null!;
    private FakeTimeProvider? _fakeTime;
    private readonly List<McpClient> _clients = [];

    public Uri Endpoint { get; private set; } = null!;

    public LogCapture Logs { get; } = new();

    public HttpClient Raw { get; } = new();

    /// <summary>The server's services, to inspect shared state such as the per-org limiters.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<HttpHarness> StartAsync(Upstream upstream, ServerOptions? options = null, TimeProvider? time = null)
    {
        var harness = new HttpHarness { _fakeTime = time as FakeTimeProvider };
        options = (options ?? new ServerOptions()) with { Transport = Transport.Http, Urls = "http://127.0.0.1:0" };
        harness._app = HttpServer.Build(options, upstream, l => l.AddProvider(harness.Logs), time);
        await harness._app.StartAsync();
        harness.Endpoint = new Uri(harness._app.Urls.First().TrimEnd('/') + HttpServer.Endpoint);
        return harness;
    }

    public static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    /// <summary>A real MCP client with these headers on every request; null protocol lets the SDK choose (2026-07-28).</summary>
    /// <param name="http">The HTTP client to send with, e.g. one from <see cref="FromAddress"/>; a fresh one by default.</param>
    /// <param name="getStream">False: no standalone GET stream, so the session is idle between calls (as the SDK counts idleness).</param>
    public async Task<McpClient> ConnectAsync(IDictionary<string, string>? headers = null, string? protocolVersion = null, McpClientHandlers? handlers = null,
        HttpClient? http = null, bool getStream = true)
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
            EnableStandaloneGetStream = getStream,
        };
        var transport = http is null ? new HttpClientTransport(options) : new HttpClientTransport(options, http, ownsHttpClient: true);
        var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocolVersion, Handlers = handlers ?? new() });
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>
    /// An HTTP client whose connections come from <paramref name="source"/> (another loopback address such as
    /// 127.0.0.2), so the server sees a different client address.
    /// </summary>
    public static HttpClient FromAddress(System.Net.IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new System.Net.IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    /// <summary>A raw JSON-RPC POST, as a non-SDK client would send it.</summary>
    public async Task<HttpResponseMessage> PostAsync(string json, IDictionary<string, string>? headers = null, HttpClient? http = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await (http ?? Raw).SendAsync(request);
    }

    public const string InitializeJson =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        Raw.Dispose();
        var disposing = _app.DisposeAsync().AsTask();

        // Polly waits for executions still in flight at disposal by sleeping on the pipeline's clock: on a fake clock
        // nobody advances that sleep never ends, so a request finishing just after the test would hang the run.
        while (_fakeTime is not null && !disposing.IsCompleted)
        {
            _fakeTime.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromMilliseconds(20)));
        }

        await disposing;
    }
}
