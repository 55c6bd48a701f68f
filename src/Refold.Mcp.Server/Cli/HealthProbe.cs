using Refold.Mcp.Server.Http;

namespace Refold.Mcp.Server.Cli;

/// <summary>
/// <c>refold-mcp healthcheck</c>: asks a running HTTP server's <c>/healthz</c> (at the first address of <c>--urls</c>,
/// a wildcard host asked on loopback). The container image has no curl; its <c>HEALTHCHECK</c> runs this instead.
/// </summary>
public static class HealthProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <returns>0 when the server answered 200, 1 otherwise (the reason on <paramref name="error"/>).</returns>
    public static async Task<int> RunAsync(string urls, TextWriter error)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? ServerOptions.DefaultUrls;
        first = first.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://[::1]", StringComparison.Ordinal);
        if (!Uri.TryCreate(first.TrimEnd('/') + HealthEndpoints.Live, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            await error.WriteLineAsync($"refold-mcp healthcheck: --urls must be an http(s) address, got '{first}'.").ConfigureAwait(false);
            return 2;
        }

        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync($"refold-mcp healthcheck: {url} answered {(int)response.StatusCode}.").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"refold-mcp healthcheck: no answer from {url} ({e.Message}).").ConfigureAwait(false);
            return 1;
        }
    }
}
