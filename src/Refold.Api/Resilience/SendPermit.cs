using System.Threading.RateLimiting;
using Polly.RateLimiting;
using Refold.Api.Diagnostics;

namespace Refold.Api.Resilience;

/// <summary>
/// Takes the org's rate-limit permit for each attempt as the last step before it is handed to the connection: it sits
/// below the whole resilience pipeline (deadline, retry, breaker, attempt timeout) in the HTTP client's handler chain,
/// so nothing but the send itself comes between a permit and its request, and an attempt refused earlier (an open
/// breaker, a cancelled call) takes none. Every retry takes a permit of its own. The wait is bounded by the attempt's
/// timeout as well as the call's deadline; a wait cut short by either is refused as rate limited (not sent), while a
/// caller's own cancellation stays a cancellation. A refusal never counts against Refold's health while the breaker is
/// closed; a half-open breaker whose probe is refused here opens again for another break instead of closing without
/// having heard from Refold (<see cref="BreakerFailures"/>).
/// </summary>
internal sealed class SendPermit(IRefoldRateLimiter limiter, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await AcquireAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // Every attempt's wait for its permit goes to the limiter-wait histogram and onto its request's span.
    private async Task<RateLimitLease> AcquireAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(RefoldRequestOptions.LimiterKey(request), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!RefoldRequestOptions.CallerCancelled(request))
        {
            Record(request, time.GetElapsedTime(started), acquired: false);
            throw new RateLimiterRejectedException($"No permit of Refold's rate limit came within {time.GetElapsedTime(started).TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s.");
        }

        Record(request, time.GetElapsedTime(started), lease.IsAcquired);
        if (lease.IsAcquired)
        {
            return lease;
        }

        using (lease)
        {
            throw lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? new RateLimiterRejectedException(retryAfter)
                : new RateLimiterRejectedException();
        }
    }

    private static void Record(HttpRequestMessage request, TimeSpan waited, bool acquired)
    {
        RequestTelemetry.Of(request)?.Waited(waited);
        RefoldTelemetry.LimiterWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>(RefoldTelemetry.OutcomeTag, acquired ? "acquired" : "rejected"));
    }
}
