using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Refold.Emulator.Tests.Support;

/// <summary>A real HTTP endpoint on 127.0.0.1:0 that records every request it gets and answers with a chosen status.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Hit> _hits = Channel.CreateUnbounded<Hit>();
    private int _count;

    /// <summary>One received request.</summary>
    public sealed record Hit(int Number, string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The receiver's base URL, ending in '/'.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts it; <paramref name="statusOf"/> gives the status for the n-th request (1-based), 200 by default.</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<int, int>? statusOf = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapMethods("/{**path}", ["POST", "PUT", "PATCH"], async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var number = Interlocked.Increment(ref receiver._count);
            var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            await receiver._hits.Writer.WriteAsync(new Hit(number, http.Request.Method, http.Request.Path, headers, buffer.ToArray()));
            http.Response.StatusCode = statusOf?.Invoke(number) ?? 200;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>The next request received (waits for it; fails the test after 10 s of real time rather than hang).</summary>
    public async Task<Hit> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _hits.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>How many requests arrived so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
