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
    private readonly ConcurrentDictionary<string, Lazy<Bucket>> _buckets = new(StringComparer.Ordinal);
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
        _buckets.GetOrAdd(limiterKey, _ => new Lazy<Bucket>(() => new Bucket(_options, ReplenishmentPeriod, _time))).Value.Limiter;

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values.Where(b => b.IsValueCreated))
        {
            bucket.Value.Dispose();
        }

        _buckets.Clear();
    }

    private sealed class Bucket : IDisposable
    {
        private readonly ITimer _timer;
        private readonly TimeProvider _time;
        private readonly TimeSpan _period;
        private readonly long _start;
        private long _replenished;

        public Bucket(RefoldOptions options, TimeSpan period, TimeProvider time)
        {
            // Whole tokens one at a time: "20 per second" as 20 tokens each second would be capped by the
            // burst size and really run at 5/s.
            Limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                AutoReplenishment = false,
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            _time = time;
            _period = period;
            _start = time.GetTimestamp();
            _timer = time.CreateTimer(static state => ((Bucket)state!).Replenish(), this, period, period);
        }

        public TokenBucketRateLimiter Limiter { get; }

        // Adds the tokens due since the start, so a late timer tick never loses one and the long-run rate is exact.
        private void Replenish()
        {
            lock (Limiter)
            {
                var due = (long)(_time.GetElapsedTime(_start) / _period);
                for (; _replenished < due; _replenished++)
                {
                    Limiter.TryReplenish();
                }
            }
        }

        public void Dispose()
        {
            _timer.Dispose();
            Limiter.Dispose();
        }
    }
}
