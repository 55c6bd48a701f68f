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
/// opening empty only once the slots Redis had already handed out have passed. Redis back: while this replica's
/// local bucket still has slots to hand out, its reservations book the shared bucket past them (and empty there), and
/// for <see cref="RedisLink.RecoveryGrace"/> (longer, until every replica counted before the outage has announced itself
/// again, each having handed back its local queue with <see cref="HandBackAsync"/>) each costs N slots, so replicas that
/// have not noticed yet, still on their local share, stay within the limit too.
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
        var bucket = BucketOf(limiterKey);
        for (var attempt = 0; ; attempt++)
        {
            var reserved = time.GetTimestamp();
            var wait = await ReserveAsync(bucket).ConfigureAwait(false);
            if (wait is not { } slot)
            {
                return new ReservationLease(false, Interval);
            }

            if (slot > TimeSpan.Zero)
            {
                await Task.Delay(slot, time, cancellationToken).ConfigureAwait(false);
            }

            // A process that was paused (GC, a starved machine) wakes every waiter at once: their slots have passed, and
            // sending them together would be a burst the bucket never granted. A slot missed by more than the tolerance
            // is given up and a new one booked; the bucket is already booked past it, so this never adds a permit.
            if (time.GetElapsedTime(reserved) - slot <= LateTolerance || attempt >= MaxRebookings)
            {
                return ReservationLease.Granted;
            }
        }
    }

    private const int MaxRebookings = 3;

    private TimeSpan LateTolerance => Interval * 2 > TimeSpan.FromMilliseconds(100) ? Interval * 2 : TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Books the shared bucket past the slots this replica's local buckets still hand out (from empty there), reserving
    /// nothing. <see cref="ReplicaAnnouncer"/> calls it when Redis answers again, before announcing itself: once every
    /// replica is counted again the others end their grace and draw the shared bucket at the whole rate, and that must
    /// not overlap this replica's local queue even when no call of its own has reached Redis yet.
    /// </summary>
    public async Task HandBackAsync()
    {
        foreach (var (bucket, entry) in _fallback)
        {
            var pending = entry.Bucket.Horizon;
            if (pending > TimeSpan.Zero)
            {
                await SharedBucketScript.ReserveAsync(link.Database, bucket, Interval, options.EffectiveBurst, 0, LongestWait,
                    pending + (Interval * options.EffectiveBurst)).ConfigureAwait(false);
            }
        }
    }

    public void LearnOrg(string limiterKey, string orgId) => local.LearnOrg(limiterKey, orgId);

    public string BucketOf(string limiterKey) => local.BucketOf(limiterKey);

    private async Task<TimeSpan?> ReserveAsync(string bucket)
    {
        if (link.ShouldTry)
        {
            // Slots this replica's local bucket still hands out stay its own: shared slots come after them, and from empty.
            var recovering = !link.IsUp || link.InGrace;
            var pending = _fallback.TryGetValue(bucket, out var entry) ? entry.Bucket.Horizon : TimeSpan.Zero;
            var floor = pending > TimeSpan.Zero || recovering ? pending + (Interval * options.EffectiveBurst) : TimeSpan.Zero;
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
        var own = _fallback.AddOrUpdate(bucket, b => (outage, Fallback(b)), (b, old) => old.Outage == outage ? old : (outage, Fallback(b)));
        return own.Bucket.Reserve(LongestWait);
    }

    private ReservationBucket Fallback(string bucket)
    {
        var share = link.Replicas;
        var opensIn = _bookedUntil.TryGetValue(bucket, out var until) ? TimeSpan.FromSeconds((until - time.GetTimestamp()) / (double)time.TimestampFrequency) : TimeSpan.Zero;
        return new ReservationBucket(Interval * share, Math.Max(1, options.EffectiveBurst / share), opensIn, time);
    }
}
