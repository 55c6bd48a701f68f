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
/// Redis unreachable: the replica keeps its own <see cref="ReservationBucket"/> per org at its share of the rate and
/// burst (1/N, N from <see cref="RedisLink.Replicas"/>), opening only once the slots Redis had already handed out have
/// passed and starting empty, so the switch adds no burst. Redis back: for a grace (at least
/// <see cref="RedisLink.RecoveryGrace"/>, and until its local queue has drained) the replica still draws the shared bucket at its share
/// and from empty, so replicas that have not noticed yet, and the local slots still to come, stay within the limit.
/// </para>
/// </summary>
public sealed class RedisRateLimiter(RedisLink link, OrgRateLimiters local, RefoldOptions options, TimeProvider time) : IRefoldRateLimiter
{
    private readonly ConcurrentDictionary<string, long> _bookedUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ReservationBucket> _fallback = new(StringComparer.Ordinal);

    private TimeSpan Interval => local.ReplenishmentPeriod;

    private TimeSpan LongestWait => Interval * Math.Max(1, options.QueueLimit);

    public async ValueTask<RateLimitLease> AcquireAsync(string limiterKey, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(limiterKey);
        var wait = await ReserveAsync(bucket).ConfigureAwait(false);
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

    /// <summary>Redis answered (a reservation, or the announcer's probe): ends an outage, starting the recovery grace.</summary>
    public void Succeeded()
    {
        var pending = _fallback.Values.Select(b => b.Horizon).DefaultIfEmpty(TimeSpan.Zero).Max();
        if (link.Succeeded(pending > RedisLink.RecoveryGrace ? pending : RedisLink.RecoveryGrace))
        {
            _fallback.Clear();
        }
    }

    private async Task<TimeSpan?> ReserveAsync(string bucket)
    {
        if (link.ShouldTry)
        {
            var recovering = !link.IsUp || link.InGrace;
            try
            {
                var reservation = await SharedBucketScript.ReserveAsync(link.Database, bucket, Interval, options.EffectiveBurst,
                    recovering ? link.Replicas : 1, LongestWait, fromEmpty: recovering).ConfigureAwait(false);
                _bookedUntil[bucket] = time.GetTimestamp() + (long)(reservation.Horizon.TotalSeconds * time.TimestampFrequency);
                Succeeded();
                return reservation.Wait;
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
            {
                link.Failed(e);
            }
        }

        return _fallback.GetOrAdd(bucket, Fallback).Reserve(LongestWait);
    }

    private ReservationBucket Fallback(string bucket)
    {
        var share = link.Replicas;
        var opensIn = _bookedUntil.TryGetValue(bucket, out var until) ? TimeSpan.FromSeconds((until - time.GetTimestamp()) / (double)time.TimestampFrequency) : TimeSpan.Zero;
        return new ReservationBucket(Interval * share, Math.Max(1, options.EffectiveBurst / share), opensIn, time);
    }
}
