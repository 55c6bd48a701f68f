using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly.CircuitBreaker;
using Refold.Api.Client;
using Refold.Api.Operations;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// Whether Refold answers: one unauthenticated GET of a public route (an app's auth structure) through the usual
/// pipeline, so the circuit breaker's view counts too. Any answer but a gateway error (502, 503, 504) is healthy.
/// The result is kept <see cref="CacheFor"/>, and concurrent probes share one check, so probes cannot flood Refold.
/// </summary>
public sealed class RefoldReachability(IHttpClientFactory httpClients, TimeProvider time) : IHealthCheck
{
    public const string Name = "refold";

    /// <summary>How long one answer is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>How long the probe waits for Refold.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    // A public route that needs no credential and costs Refold one lookup.
    private static readonly string s_route = AuthStructure.GetAuthStructure.Route.Replace("{slug}", "hubspot", StringComparison.Ordinal).TrimStart('/');

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _last;
    private DateTimeOffset _lastStarted;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_last is null || (_last.IsCompleted && now - _lastStarted >= CacheFor))
            {
                _last = ProbeAsync();
                _lastStarted = now;
            }

            return _last.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout, time);
        var http = httpClients.CreateClient(RefoldClientFactory.HttpClientName);
        try
        {
            using var response = await http.GetAsync(s_route, timeout.Token).ConfigureAwait(false);
            return response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                ? HealthCheckResult.Unhealthy($"Refold at {http.BaseAddress} answered {(int)response.StatusCode}.")
                : HealthCheckResult.Healthy($"Refold at {http.BaseAddress} answered.");
        }
        catch (BrokenCircuitException)
        {
            return HealthCheckResult.Unhealthy("Calls to Refold are paused by the circuit breaker after repeated failures.");
        }
        catch (HttpRequestException e)
        {
            return HealthCheckResult.Unhealthy($"Refold at {http.BaseAddress} cannot be reached ({e.HttpRequestError}).");
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            return HealthCheckResult.Unhealthy($"Refold at {http.BaseAddress} did not answer within {ProbeTimeout.TotalSeconds:0} s.");
        }
    }
}
