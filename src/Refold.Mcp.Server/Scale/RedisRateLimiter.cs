using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Refold.Api.Client;
using Refold.Api.Resilience;
using StackExchange.Redis;

namespace Refold.Mcp.Server.Scale;

/// <summary>
/// The org buckets in Redis, shared by every replica: each permit is one <see cref="SharedBucketScript"/> reservation
/// at the rate and burst the in-process limiter would keep (Refold's less the headroom). Which bucket a credential
/// draws from is decided as in process (<see cref="OrgRateLimiters.BucketOf"/>: API keys join their org's bucket once known).
/// <para>
/// The switch-over moments, so that no burst passes the limit. Redis unreachable: the replica keeps its own
/// <see cref="ReservationBucket"/> per org at its share of rate and burst (1/N, N from <see cref="RedisLink.Replicas"/>),
/// opening empty only once the slots Redis had already handed out have passed. Redis back: the first reservations
/// book the shared bucket past the local slots still to come (and empty there), and for <see cref="RedisLink.RecoveryGrace"/>
/// each costs N slots, so replicas that have not noticed yet, still on their local share, stay within the limit too.
/// </para>
/// </summary>
public sealed class RedisRateLimiter(RedisLink link, OrgRateLimiters local, RefoldOptions options, TimeProvider time) : IRefoldRateLimiter
{
    private readonly ConcurrentDictionary<string, long> _bookedUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Outage, ReservationBucket Bucket)> _fallback = new(StringComparer.Ordinal);

    private TimeSpan Interval => local.ReplenishmentPeriod;

    private TimeSpan LongestWait => Interval * Math.Max(1, options.QueueLimit);

    public async ValueTask<RateLimitLease> AcquireAsync(string limiterKey, CancellationToken cancellationToken)
    {
        var wait = await ReserveAsync(BucketOf(limiterKey)).ConfigureAwait(false);
        if (wait is not { } slot)
        {
            return new ReservationLease(false, Interval);
        }

        if (slot > TimeSpan.Zero)
        {
            await Task.Delay(slot, time, cancellationToken).ConfigureAwait(false);
        }

        return ReservationLease.Granted;
    }

    public void LearnOrg(string limiterKey, string orgId) => local.LearnOrg(limiterKey, orgId);

    public string BucketOf(string limiterKey) => local.BucketOf(limiterKey);

    private async Task<TimeSpan?> ReserveAsync(string bucket)
    {
        if (link.ShouldTry)
        {
            var recovering = !link.IsUp || link.InGrace;
            var floor = !recovering ? TimeSpan.Zero
                : (Interval * options.EffectiveBurst) + (_fallback.TryGetValue(bucket, out var pending) ? pending.Bucket.Horizon : TimeSpan.Zero);
            try
            {
                var reservation = await SharedBucketScript.ReserveAsync(link.Database, bucket, Interval, options.EffectiveBurst,
                    recovering ? link.Replicas : 1, LongestWait, floor).ConfigureAwait(false);
                _bookedUntil[bucket] = time.GetTimestamp() + (long)(reservation.Horizon.TotalSeconds * time.TimestampFrequency);
                link.Succeeded();
                return reservation.Wait;
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
            {
                link.Failed(e);
            }
        }

        var outage = link.Outages;
        var entry = _fallback.AddOrUpdate(bucket, b => (outage, Fallback(b)), (b, old) => old.Outage == outage ? old : (outage, Fallback(b)));
        return entry.Bucket.Reserve(LongestWait);
    }

    private ReservationBucket Fallback(string bucket)
    {
        var share = link.Replicas;
        var opensIn = _bookedUntil.TryGetValue(bucket, out var until) ? TimeSpan.FromSeconds((until - time.GetTimestamp()) / (double)time.TimestampFrequency) : TimeSpan.Zero;
        return new ReservationBucket(Interval * share, Math.Max(1, options.EffectiveBurst / share), opensIn, time);
    }
}
