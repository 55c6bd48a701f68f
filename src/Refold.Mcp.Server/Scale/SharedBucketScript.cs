using StackExchange.Redis;

namespace Refold.Mcp.Server.Scale;

/// <summary>
/// The shared token bucket, one Redis key per bucket, taken atomically by a Lua script on Redis's own clock
/// (<c>TIME</c>), so replicas' clocks never matter. It is a reservation bucket (GCRA): the key holds the theoretical
/// time at which the bucket is empty again; a permit moves it on by one interval and waits until it lies at most
/// <c>burst</c> intervals ahead. That admits exactly <c>burst</c> at once and then one per interval, and tells the
/// caller how long to wait for its slot, so each permit costs one round trip, however many callers queue.
/// </summary>
public static class SharedBucketScript
{
    /// <summary>Prefix of the bucket keys: <c>refold:bucket:org:ID</c>.</summary>
    public const string KeyPrefix = "refold:bucket:";

    // ARGV: interval µs, burst, cost in intervals, longest wait µs, floor µs (0: none; the bucket is booked at least this far ahead).
    // Returns {wait µs, horizon µs}: -1 as wait when the queue is full (nothing is reserved).
    private const string Script = """
        if redis.replicate_commands then redis.replicate_commands() end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local interval = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        local tat = tonumber(redis.call('GET', KEYS[1]) or now)
        if tat < now then tat = now end
        local floor = tonumber(ARGV[5])
        if floor > 0 and tat < now + floor then tat = now + floor end
        local next_tat = tat + cost * interval
        local wait = next_tat - burst * interval - now
        if wait < 0 then wait = 0 end
        if wait > tonumber(ARGV[4]) then return {-1, math.floor(tat - now)} end
        redis.call('SET', KEYS[1], string.format('%.0f', next_tat), 'PX', math.ceil((next_tat - now) / 1000) + 1000)
        return {math.floor(wait), math.floor(next_tat - now)}
        """;

    /// <summary>What one reservation got: how long to wait for the slot (null: refused, the queue is full) and how far ahead the bucket is booked.</summary>
    public readonly record struct Reservation(TimeSpan? Wait, TimeSpan Horizon);

    /// <param name="interval">Time between two permits.</param>
    /// <param name="burst">Permits that may start at once.</param>
    /// <param name="cost">Intervals this permit takes (more than 1 draws the bucket at a share of its rate; 0 only applies <paramref name="floor"/>).</param>
    /// <param name="longestWait">Longest wait handed out; a permit that would wait longer is refused.</param>
    /// <param name="floor">
    /// Treat the bucket as booked at least this far ahead (zero: as it is). After an outage: the slots local buckets
    /// still hand out plus <c>burst</c> intervals, so the shared bucket starts empty where they end.
    /// </param>
    public static async Task<Reservation> ReserveAsync(IDatabaseAsync redis, string bucket, TimeSpan interval, int burst, int cost, TimeSpan longestWait, TimeSpan floor)
    {
        var result = await redis.ScriptEvaluateAsync(Script, [KeyPrefix + bucket],
            [Micros(interval), burst, cost, Micros(longestWait), Micros(floor)]).ConfigureAwait(false);
        var values = (RedisResult[])result!;
        var wait = (long)values[0];
        var horizon = TimeSpan.FromMicroseconds((long)values[1]);
        return new Reservation(wait < 0 ? null : TimeSpan.FromMicroseconds(wait), horizon);
    }

    private static long Micros(TimeSpan value) => value.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
}
