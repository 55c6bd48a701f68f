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

    /// <summary>The upstream chosen by the options: the embedded emulator, <c>--base-url</c>, <c>REFOLD_BASE_URL</c> or Refold.</summary>
    public static async Task<Upstream> StartAsync(ServerOptions options, Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        if (options.Emulator)
        {
            return await EmbeddedEmulator.StartAsync(options.EmulatorSpeed, EmulatorData.FileFor(options), cancellationToken).ConfigureAwait(false);
        }

        if (options.BaseUrl is { } url)
        {
            return new Upstream(url);
        }

        var configured = environment("REFOLD_BASE_URL");
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new Upstream(new Uri(DefaultBaseUrl));
        }

        return Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var fromEnvironment) && fromEnvironment.Scheme is "http" or "https"
            ? new Upstream(fromEnvironment)
            : throw new UsageException("REFOLD_BASE_URL must be an absolute http(s) URL.");
    }

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
