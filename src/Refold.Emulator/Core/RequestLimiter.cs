using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Refold.Api.Resilience;

namespace Refold.Emulator.Core;

/// <summary>
/// Refold's per-org limit: one token bucket of <see cref="RateLimitOptions.Burst"/> tokens per org, refilled at
/// <see cref="RateLimitOptions.PermitsPerSecond"/> on the emulator's clock (the same bucket the client uses).
/// </summary>
public sealed class RequestLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ClockedTokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeSpan _period = TimeSpan.FromSeconds(1 / options.PermitsPerSecond);
    private long _refused;

    /// <summary>Requests answered 429 because their org was over the limit, since the emulator started.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Takes a token for <paramref name="key"/> (an org); when none is left, says how long until one is.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!options.Enabled)
        {
            return true;
        }

        using var lease = _buckets.GetOrAdd(key, _ => new ClockedTokenBucket(options.Burst, _period, 0, time)).AttemptAcquire();
        if (lease.IsAcquired)
        {
            return true;
        }

        Interlocked.Increment(ref _refused);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _period;
        return false;
    }
}
