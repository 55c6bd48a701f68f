using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// A load balancer without affinity: Kestrel on 127.0.0.1:0 forwarding each request, in turn, to the next replica and
/// streaming the answer back. <see cref="Served"/> records which replica answered each request and with what status.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private static readonly HashSet<string> s_hopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Transfer-Encoding", "Connection", "Keep-Alive" };
    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly IReadOnlyList<Uri> _replicas;
    private long _next = -1;

    private RoundRobinProxy(WebApplication app, IReadOnlyList<Uri> replicas)
    {
        _app = app;
        _replicas = replicas;
    }

    /// <summary>Replica index, HTTP method and status of every forwarded request.</summary>
    public ConcurrentQueue<(int Replica, string Method, int Status)> Served { get; } = new();

    /// <summary>The MCP endpoint behind the proxy.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <param name="replicas">Base addresses (scheme, host, port) of the replicas.</param>
    public static async Task<RoundRobinProxy> StartAsync(IReadOnlyList<Uri> replicas)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new RoundRobinProxy(app, replicas);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.Endpoint = new Uri(app.Urls.First().TrimEnd('/') + Refold.Mcp.Server.Http.HttpServer.Endpoint);
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var replica = (int)(Interlocked.Increment(ref _next) % _replicas.Count);
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(_replicas[replica], incoming.Path + incoming.QueryString));
        if (!HttpMethods.IsGet(incoming.Method) && !HttpMethods.IsHead(incoming.Method))
        {
            request.Content = new StreamContent(incoming.Body);
        }

        foreach (var (name, values) in incoming.Headers.Where(h => !s_hopHeaders.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        Served.Enqueue((replica, incoming.Method, (int)response.StatusCode));
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !s_hopHeaders.Contains(h.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
