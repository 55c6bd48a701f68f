using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// A pass-through in front of a Refold (the emulator) on 127.0.0.1:0 that records every request it forwards, headers
/// included: what reached Refold, to count mints or look for a credential that must never arrive.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private readonly ConcurrentQueue<Seen> _seen = new();
    private readonly HttpClient _upstream = new();
    private WebApplication _app = null!;

    public sealed record Seen(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<Seen> Requests => [.. _seen];

    public static async Task<RecordingProxy> StartAsync(Uri target)
    {
        var proxy = new RecordingProxy();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        proxy._app = builder.Build();
        proxy._app.Run(context => proxy.ForwardAsync(context, target));
        await proxy._app.StartAsync();
        proxy.BaseUrl = new Uri(proxy._app.Urls.First());
        return proxy;
    }

    /// <summary>How many requests of <paramref name="method"/> to exactly <paramref name="path"/> arrived.</summary>
    public int Count(HttpMethod method, string path) => _seen.Count(s => s.Method == method.Method && s.Path == path);

    private async Task ForwardAsync(HttpContext context, Uri target)
    {
        var request = context.Request;
        _seen.Enqueue(new Seen(request.Method, request.Path, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(target, request.Path + request.QueryString));
        if (request.ContentLength > 0 || request.Headers.ContainsKey("Transfer-Encoding"))
        {
            var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            forward.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, value) in request.Headers)
        {
            if (name is not ("Host" or "Content-Length" or "Transfer-Encoding") && !forward.Headers.TryAddWithoutValidation(name, value.ToArray()))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }

        using var answer = await _upstream.SendAsync(forward, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, value) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Content-Length"))
            {
                context.Response.Headers[name] = value.ToArray();
            }
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
