using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Refold.Api.Client;
using Refold.Api.Resilience;
using Refold.Mcp.Server.Scale;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;
using StackExchange.Redis;

namespace Refold.Mcp.Server.Tests.Scale;

/// <summary>
/// The shared limiter and ticket ledger against a real redis-server that the test stops and restarts. The local
/// side runs on a fake clock, so "waits one local interval" is asserted by advancing it, never by timing.
/// </summary>
public sealed class RedisRateLimiterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly LogCapture _logs = new();
    private readonly List<IDisposable> _owned = [];
    private RedisServer? _redis;

    public async Task InitializeAsync()
    {
        if (RedisServer.Executable is not null)
        {
            _redis = await RedisServer.StartNewAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private RedisLink Link(int replicas = 2)
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        var link = new RedisLink(new ScaleOptions { Redis = _redis!.Connection, Replicas = replicas }, factory.CreateLogger<RedisLink>(), _time);
        _owned.Add(link);
        _owned.Add(factory);
        return link;
    }

    private (RedisRateLimiter Limiter, RefoldOptions Options) Limiter(RedisLink link)
    {
        var options = new RefoldOptions();
        var local = new OrgRateLimiters(options, _time);
        _owned.Add(local);
        return (new RedisRateLimiter(link, local, options, _time), options);
    }

    private async Task<bool> KeyExistsAsync(string key)
    {
        await using var probe = await ConnectionMultiplexer.ConnectAsync(_redis!.Connection);
        return await probe.GetDatabase().KeyExistsAsync(key);
    }

    private static async Task<HealthStatus> HealthAsync(RedisLink link) =>
        (await new RedisHealthCheck(link).CheckHealthAsync(new HealthCheckContext())).Status;

    [RedisFact]
    public async Task AcquireAsync_RedisStoppedThenRestarted_LocalShareThenSharedAgain()
    {
        var link = Link(replicas: 2);
        var (limiter, options) = Limiter(link);
        var localInterval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / options.EffectivePermitsPerSecond) * 2;
        const string Bucket = "org:outage";

        Assert.True((await limiter.AcquireAsync(Bucket, default)).IsAcquired);
        Assert.True(await KeyExistsAsync(SharedBucketScript.KeyPrefix + Bucket));
        Assert.Equal(HealthStatus.Healthy, await HealthAsync(link));

        await _redis!.StopAsync();
        var waiting = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync(Bucket, default).AsTask()).ToList();

        // The local bucket opens empty once the slot Redis handed out has passed, then admits one per local interval (1/2 of the rate).
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        _time.Advance(localInterval * 2);
        Assert.True((await waiting[0]).IsAcquired);
        Assert.False(waiting[1].IsCompleted);
        _time.Advance(localInterval);
        Assert.True((await waiting[1]).IsAcquired);
        Assert.False(waiting[2].IsCompleted);
        _time.Advance(localInterval);
        Assert.True((await waiting[2]).IsAcquired);
        Assert.Equal(HealthStatus.Unhealthy, await HealthAsync(link));
        Assert.Single(_logs.Lines, l => l.Contains("unreachable", StringComparison.Ordinal) && l.Contains("1/2", StringComparison.Ordinal));

        await _redis.StartAsync();
        _time.Advance(RedisLink.RetryAfterFailure);
        await Eventually.TrueAsync(() => link.ShouldTry, "the link sees Redis back");
        var shared = limiter.AcquireAsync(Bucket, default).AsTask();
        await Eventually.TrueAsync(() => link.IsUp, "the next permit comes from Redis");
        _time.Advance(localInterval * 2);

        Assert.True((await shared).IsAcquired);
        Assert.True(await KeyExistsAsync(SharedBucketScript.KeyPrefix + Bucket));
        Assert.Equal(HealthStatus.Healthy, await HealthAsync(link));
        Assert.Single(_logs.Lines, l => l.Contains("answers again after", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task RedeemAsync_TicketIssuedByOneReplica_VerifiesOnceOnAnother()
    {
        const string Key = "a shared ticket key of at least thirty-two characters";
        var first = ConfirmationTicket.Create(Key, new RedisTicketLedger(Link()));
        var second = ConfirmationTicket.Create(Key, new RedisTicketLedger(Link()));
        var stranger = ConfirmationTicket.Create("another key, of at least thirty-two characters", new RedisTicketLedger(Link()));
        var now = _time.GetUtcNow();

        var ticket = first.Issue("delete_linked_account\n{}", now);
        Assert.Equal(ConfirmationTicket.Check.Invalid, await stranger.RedeemAsync(ticket, "delete_linked_account\n{}", now));
        Assert.Equal(ConfirmationTicket.Check.Invalid, await second.RedeemAsync(ticket, "delete_workflow\n{}", now));
        Assert.Equal(ConfirmationTicket.Check.Valid, await second.RedeemAsync(ticket, "delete_linked_account\n{}", now));
        Assert.Equal(ConfirmationTicket.Check.Invalid, await first.RedeemAsync(ticket, "delete_linked_account\n{}", now));

        await _redis!.StopAsync();
        var unspendable = first.Issue("delete_linked_account\n{}", now);
        Assert.Equal(ConfirmationTicket.Check.LedgerUnavailable, await second.RedeemAsync(unspendable, "delete_linked_account\n{}", now));
    }
}
