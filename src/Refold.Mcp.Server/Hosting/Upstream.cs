using Refold.Api.Client;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// The Refold the server talks to: its base URL and, for the embedded emulator, the demo org's credential that
/// sessions without a credential act as.
/// </summary>
public sealed class Upstream : IAsyncDisposable
{
    public const string DefaultBaseUrl = "https://app.refold.ai";
    private readonly IAsyncDisposable? _owned;

    public Upstream(Uri baseUrl, RefoldCredential? demoCredential = null, string? banner = null, IAsyncDisposable? owned = null)
    {
        BaseUrl = baseUrl;
        DemoCredential = demoCredential;
        Banner = banner;
        _owned = owned;
    }

    public Uri BaseUrl { get; }

    /// <summary>The embedded emulator's demo org key; null against a real Refold.</summary>
    public RefoldCredential? DemoCredential { get; }

    /// <summary>A line for stderr saying what the server talks to.</summary>
    public string? Banner { get; }

    /// <summary>
    /// Refold's address: <c>--base-url</c>, else <c>REFOLD_BASE_URL</c>, else <c>Refold:BaseUrl</c> in <c>--config</c>
    /// (resolved with the other settings, <see cref="ServerSettings"/>); Refold's public host without any.
    /// </summary>
    public static Setting BaseUrlSetting { get; } = Setting.Of("--base-url", "REFOLD_BASE_URL", "Refold:BaseUrl", "URL",
        $"Refold's address (default {DefaultBaseUrl})", ReadBaseUrl, o => o.BaseUrl is not null, (o, v) => o with { BaseUrl = v });

    /// <summary>The upstream chosen by the options: the embedded emulator, else <see cref="ServerOptions.BaseUrl"/>, else Refold.</summary>
    public static async Task<Upstream> StartAsync(ServerOptions options, CancellationToken cancellationToken = default) =>
        options.Emulator
            ? await EmbeddedEmulator.StartAsync(options.EmulatorSpeed, EmulatorData.FileFor(options), cancellationToken).ConfigureAwait(false)
            : new Upstream(options.BaseUrl ?? new Uri(DefaultBaseUrl));

    private static Uri ReadBaseUrl(string text, string source) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new FormatException($"{source} must be an absolute http(s) URL, got '{text}'.");

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
