using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Refold.Mcp.Server.Scale;

/// <summary>
/// Every <see cref="Period"/> this replica announces itself in Redis (a sorted set of replica ids scored by when each
/// announcement expires, on Redis's clock) and reads how many replicas are alive: the N of the 1/N share it keeps
/// on its own when Redis goes away. The announcement doubles as the health probe that notices Redis coming back
/// while no call is made; after an outage the replica hands its local queues back to the shared bucket before it
/// announces itself (<see cref="RedisRateLimiter.HandBackAsync"/>). At stop the replica withdraws its announcement.
/// </summary>
public sealed class ReplicaAnnouncer(RedisLink link, RedisRateLimiter limiter, TimeProvider time) : BackgroundService
{
    public const string Key = "refold:replicas";

    /// <summary>Time between announcements.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>How long an announcement counts: a replica that stopped announcing drops out after this.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const string Script = """
        if redis.replicate_commands then redis.replicate_commands() end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
        return redis.call('ZCARD', KEYS[1])
        """;

    private int _handedBack;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            await AnnounceAsync().ConfigureAwait(false);
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (link.IsUp)
        {
            try
            {
                await link.Database.SortedSetRemoveAsync(Key, link.ReplicaId).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // The announcement expires on its own.
            }
        }
    }

    /// <summary>One announcement; a failure marks the link down.</summary>
    public async Task AnnounceAsync()
    {
        try
        {
            var outages = link.Outages;
            if (outages != _handedBack)
            {
                // Back from an outage (whoever noticed first): every org's local queue is handed back before this
                // replica is counted again.
                await limiter.HandBackAsync().ConfigureAwait(false);
                _handedBack = outages;
            }

            var live = (long)(await link.Database.ScriptEvaluateAsync(Script, [Key], [link.ReplicaId, (long)Lifetime.TotalMilliseconds]).ConfigureAwait(false));
            link.Announced((int)Math.Min(live, 1000));
            link.Succeeded();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            link.Failed(e);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
