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
/// clock, so a fake clock drives it in tests.
/// </summary>
public sealed class OrgRateLimiters : IRefoldRateLimiter, IDisposable
{
    private const string OrgPrefix = "org:";
    private const string ApiKeyPrefix = "key:";

    private readonly ConcurrentDictionary<string, Lazy<ClockedTokenBucket>> _buckets = new(StringComparer.Ordinal);
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
    public RateLimiter For(string limiterKey) =>
        _buckets.GetOrAdd(BucketOf(limiterKey), _ => new Lazy<ClockedTokenBucket>(
            () => new ClockedTokenBucket(_options.EffectiveBurst, ReplenishmentPeriod, _options.QueueLimit, _time))).Value;

    public ValueTask<RateLimitLease> AcquireAsync(string limiterKey, CancellationToken cancellationToken) =>
        For(limiterKey).AcquireAsync(1, cancellationToken);

    public void LearnOrg(string limiterKey, string orgId)
    {
        if (limiterKey.StartsWith(ApiKeyPrefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(orgId))
        {
            _orgOfKey[limiterKey] = orgId.Trim();
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
        foreach (var bucket in _buckets.Values.Where(b => b.IsValueCreated))
        {
            bucket.Value.Dispose();
        }

        _buckets.Clear();
    }
}
