using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Refold.Mcp.Server.Scale;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Scale;

/// <summary>What a replica counts on after Redis comes back: the grace and the replica count, on a fake clock.</summary>
public sealed class RedisLinkTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
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
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [RedisFact]
    public void Announced_RestartedRedisCountsOnlyThisReplica_KeepsTheCountAndTheGraceUntilTheOthersAnnounce()
    {
        using var link = new RedisLink(new ScaleOptions { Redis = _redis!.Connection }, NullLogger<RedisLink>.Instance, _time);
        link.Announced(2);
        link.Failed(new TimeoutException("gone"));
        link.Succeeded();

        // The restarted Redis has heard only from this replica so far: the other may still send on its local share.
        link.Announced(1);
        _time.Advance(RedisLink.RecoveryGrace * 2);
        Assert.Equal(2, link.Replicas);
        Assert.True(link.InGrace);

        link.Announced(2);
        Assert.False(link.InGrace);
        Assert.Equal(2, link.Replicas);
    }

    [RedisFact]
    public void Announced_AReplicaNeverReturns_GraceEndsAfterTheAnnouncementLifetimeAndTheCountDrops()
    {
        using var link = new RedisLink(new ScaleOptions { Redis = _redis!.Connection }, NullLogger<RedisLink>.Instance, _time);
        link.Announced(2);
        link.Failed(new TimeoutException("gone"));
        link.Succeeded();
        link.Announced(1);

        _time.Advance(RedisLink.LongestRecoveryGrace);
        link.Announced(1);

        Assert.False(link.InGrace);
        Assert.Equal(1, link.Replicas);
    }
}
