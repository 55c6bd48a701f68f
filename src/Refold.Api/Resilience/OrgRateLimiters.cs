using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Refold.Api.Client;

namespace Refold.Api.Resilience;

/// <summary>
/// One token bucket per upstream org, shared by every client and session that calls Refold for that org, whether it
/// holds the org's API key or one of its session tokens, so the process as a whole stays inside Refold's limit. A
/// session token names its org; an API key's org is what the operator declared (<see cref="RefoldOptions.OrgId"/>)
/// or what Refold's answers show (<see cref="LearnOrg"/>); until then the key has a bucket of its own. The bucket runs
/// <see cref="RefoldOptions.Headroom"/> below Refold's rate and burst, refilling on the <see cref="TimeProvider"/>'s
/// clock, so a fake clock drives it in tests. At most <see cref="RefoldOptions.MaxBuckets"/> buckets are kept: an idle
/// bucket (full, nobody waiting, not looked up for <see cref="IdleAfter"/>) behaves exactly like a new one, so it is
/// forgotten when room is needed, and a bucket in use never is; the claimed orgs of a flood of plausible forged
/// tokens therefore cannot grow the map without bound, nor reset a real org's spent budget.
/// </summary>
public sealed class OrgRateLimiters : IRefoldRateLimiter, IDisposable
{
    private const string OrgPrefix = "org:";
    private const string ApiKeyPrefix = "key:";

    /// <summary>The bucket new orgs share while every kept bucket is in use.</summary>
    public const string OverflowKey = "overflow";

    /// <summary>How long a full bucket must go unused before it may be forgotten (a caller may hold it between lookup and acquire).</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Slot> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _sweep = new();
    private readonly ConcurrentDictionary<string, string> _orgOfKey = new(StringComparer.Ordinal);
    private readonly RefoldOptions _options;
    private readonly TimeProvider _time;

    public OrgRateLimiters(RefoldOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Time between two tokens at the rate kept (Refold's rate less the headroom): 18 per second is one every 55.5 ms.</summary>
    public TimeSpan ReplenishmentPeriod => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / _options.EffectivePermitsPerSecond);

    /// <summary>The limiter the bucket behind <paramref name="limiterKey"/> uses (see <see cref="RefoldCredential.LimiterKey"/>).</summary>
    public RateLimiter For(string limiterKey)
    {
        var key = BucketOf(limiterKey);
        if (!_buckets.TryGetValue(key, out var slot))
        {
            if (_buckets.Count >= _options.MaxBuckets && !MakeRoom())
            {
                key = OverflowKey;
            }

            slot = _buckets.GetOrAdd(key, _ => new Slot(_options, ReplenishmentPeriod, _time));
        }

        slot.Touch(_time.GetTimestamp());
        return slot.Bucket.Value;
    }

    /// <summary>Buckets kept now.</summary>
    public int Count => _buckets.Count;

    public ValueTask<RateLimitLease> AcquireAsync(string limiterKey, CancellationToken cancellationToken) =>
        For(limiterKey).AcquireAsync(1, cancellationToken);

    public void LearnOrg(string limiterKey, string orgId)
    {
        if (limiterKey.StartsWith(ApiKeyPrefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(orgId))
        {
            var org = OrgPrefix + orgId.Trim();
            _orgOfKey[limiterKey] = orgId.Trim();

            // What the key already sent counts against its org: a new org bucket takes over the key's own, rather than
            // starting full and letting the org's first burst follow the key's (Refold sees both in one bucket).
            if (_buckets.TryGetValue(limiterKey, out var own))
            {
                _buckets.TryAdd(org, own);
            }
        }
    }

    public string BucketOf(string limiterKey)
    {
        if (!limiterKey.StartsWith(ApiKeyPrefix, StringComparison.Ordinal))
        {
            return limiterKey;
        }

        return _orgOfKey.TryGetValue(limiterKey, out var org) ? OrgPrefix + org
            : _options.OrgId is { Length: > 0 } declared ? OrgPrefix + declared
            : limiterKey;
    }

    public void Dispose()
    {
        foreach (var slot in _buckets.Values.Where(s => s.Bucket.IsValueCreated))
        {
            slot.Bucket.Value.Dispose();
        }

        _buckets.Clear();
    }

    // Forgets every idle bucket (one sweep at a time); true when that made room. A forgotten bucket is not disposed:
    // a caller that looked it up just before still acquires from it, and it is as full as a new one would be.
    private bool MakeRoom()
    {
        lock (_sweep)
        {
            if (_buckets.Count < _options.MaxBuckets)
            {
                return true;
            }

            var now = _time.GetTimestamp();
            foreach (var (key, slot) in _buckets)
            {
                if (key != OverflowKey && slot.IsIdle(now, _time))
                {
                    _buckets.TryRemove(new KeyValuePair<string, Slot>(key, slot));
                }
            }

            return _buckets.Count < _options.MaxBuckets;
        }
    }

    private sealed class Slot(RefoldOptions options, TimeSpan period, TimeProvider time)
    {
        private long _lastUsed = time.GetTimestamp();

        public Lazy<ClockedTokenBucket> Bucket { get; } = new(() => new ClockedTokenBucket(options.EffectiveBurst, period, options.QueueLimit, time));

        public void Touch(long now) => Interlocked.Exchange(ref _lastUsed, now);

        public bool IsIdle(long now, TimeProvider clock) =>
            clock.GetElapsedTime(Interlocked.Read(ref _lastUsed), now) >= IdleAfter
            && (!Bucket.IsValueCreated || Bucket.Value.GetStatistics() is { CurrentQueuedCount: 0 } stats && stats.CurrentAvailablePermits >= options.EffectiveBurst);
    }
}
