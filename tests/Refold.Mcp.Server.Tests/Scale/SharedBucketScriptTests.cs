using Refold.Mcp.Server.Scale;
using Refold.Mcp.Server.Tests.Support;
using StackExchange.Redis;

namespace Refold.Mcp.Server.Tests.Scale;

/// <summary>
/// The Lua bucket against a real redis-server. Intervals are long (10 s) so that the milliseconds between two test
/// calls cannot blur which slot a permit got: the assertions are on slots, not on speed.
/// </summary>
public sealed class SharedBucketScriptTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);
    private readonly List<ConnectionMultiplexer> _connections = [];
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
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private async Task<IDatabase> ClientAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(_redis!.Connection);
        _connections.Add(connection);
        return connection.GetDatabase();
    }

    private static Task<SharedBucketScript.Reservation> Reserve(IDatabase db, string bucket, int cost = 1, TimeSpan floor = default, int queue = 100) =>
        SharedBucketScript.ReserveAsync(db, bucket, Interval, burst: 3, cost, Interval * queue, floor);

    [RedisFact]
    public async Task Reserve_FreshBucket_BurstThenOneSlotPerInterval()
    {
        var db = await ClientAsync();

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            waits.Add((await Reserve(db, "org:burst")).Wait!.Value);
        }

        Assert.All(waits.Take(3), w => Assert.Equal(TimeSpan.Zero, w));
        for (var k = 1; k <= 3; k++)
        {
            // The k-th permit past the burst waits k intervals (less the moments the test took between calls).
            Assert.InRange(waits[2 + k], (Interval * k) - Slack, Interval * k);
        }
    }

    [RedisFact]
    public async Task Reserve_TwoClientsOnOneKey_ShareOneBucket()
    {
        var first = await ClientAsync();
        var second = await ClientAsync();

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            waits.Add((await Reserve(i % 2 == 0 ? first : second, "org:shared")).Wait!.Value);
        }

        // Between them the two clients got the burst of 3 once, then slots one interval apart.
        Assert.Equal(3, waits.Count(w => w == TimeSpan.Zero));
        Assert.InRange(waits[5], (Interval * 3) - Slack, Interval * 3);
        var other = await Reserve(first, "org:other");
        Assert.Equal(TimeSpan.Zero, other.Wait);
    }

    [RedisFact]
    public async Task Reserve_QueueFull_RefusedWithoutTakingASlot()
    {
        var db = await ClientAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull((await Reserve(db, "org:queue", queue: 2)).Wait);
        }

        var refused = await Reserve(db, "org:queue", queue: 2);
        var afterRefusal = await Reserve(db, "org:queue", queue: 3);

        Assert.Null(refused.Wait);
        Assert.InRange(afterRefusal.Wait!.Value, (Interval * 3) - Slack, Interval * 3);
    }

    [RedisFact]
    public async Task Reserve_FloorAtAShare_NoBurstAndSlotsCostTheShare()
    {
        var db = await ClientAsync();

        // Booked as empty (a floor of the burst's three intervals), each slot costing two intervals.
        var first = await Reserve(db, "org:recovering", cost: 2, floor: Interval * 3);
        var second = await Reserve(db, "org:recovering", cost: 2, floor: Interval * 3);

        Assert.InRange(first.Wait!.Value, (Interval * 2) - Slack, Interval * 2);
        Assert.InRange(second.Wait!.Value, (Interval * 4) - Slack, Interval * 4);
        Assert.InRange(second.Horizon, (Interval * 7) - Slack, Interval * 7);
    }
}
