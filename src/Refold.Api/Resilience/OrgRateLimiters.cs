using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Refold.Api.Client;

namespace Refold.Api.Resilience;

/// <summary>
/// One token bucket per upstream org, shared by every client and session that calls Refold for that org, so the
/// process as a whole stays inside Refold's limit (default 20 requests/s, bursts of 5). The bucket refills one
/// token every 1/rate seconds on the <see cref="TimeProvider"/>'s clock, so a fake clock drives it in tests.
/// </summary>
public sealed class OrgRateLimiters : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ClockedTokenBucket>> _buckets = new(StringComparer.Ordinal);
    private readonly RefoldOptions _options;
    private readonly TimeProvider _time;

    public OrgRateLimiters(RefoldOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Time between two tokens: a token every 50 ms is 20 per second.</summary>
    public TimeSpan ReplenishmentPeriod => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / _options.PermitsPerSecond);

    /// <summary>The limiter for the org behind <paramref name="limiterKey"/> (see <see cref="RefoldCredential.LimiterKey"/>).</summary>
    public RateLimiter For(string limiterKey) =>
        _buckets.GetOrAdd(limiterKey, _ => new Lazy<ClockedTokenBucket>(() => new ClockedTokenBucket(_options.Burst, ReplenishmentPeriod, _options.QueueLimit, _time))).Value;

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values.Where(b => b.IsValueCreated))
        {
            bucket.Value.Dispose();
        }

        _buckets.Clear();
    }
}
