using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Refold.Api.Client;
using Refold.Api.Resilience;
using Refold.Mcp.Server.Scale;

namespace Refold.Benchmarks;

/// <summary>
/// What the shared bucket adds to one permit: the time of <see cref="IRefoldRateLimiter.AcquireAsync"/> with the
/// in-process limiter and with the Redis one (a Lua reservation per permit), on a bucket that never makes anyone wait
/// (10,000/s), one caller after another, so only the cost of the permit itself is measured. Prints p50/p99 of each.
/// </summary>
internal static class RedisCostBenchmark
{
    private const int Permits = 5000;

    public static async Task<int> RunAsync(string redis)
    {
        var options = new RefoldOptions { PermitsPerSecond = 10_000, Burst = 10_000, Headroom = 0 };
        using var local = new OrgRateLimiters(options, TimeProvider.System);
        using var link = new RedisLink(new ScaleOptions { Redis = redis }, NullLogger<RedisLink>.Instance, TimeProvider.System);
        if (!link.IsUp)
        {
            Console.Error.WriteLine($"Redis at {redis} does not answer: start one, e.g. redis-server --port 6390 --save '' &");
            return 1;
        }

        var shared = new RedisRateLimiter(link, local, options, TimeProvider.System);
        var inProcess = await MeasureAsync(local, "org:bench-local");
        var viaRedis = await MeasureAsync(shared, "org:bench-redis-" + Guid.NewGuid().ToString("N"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Permits} permits each, one at a time: in-process p50 {P(inProcess, 0.5):F3} ms, p99 {P(inProcess, 0.99):F3} ms; " +
            $"Redis p50 {P(viaRedis, 0.5):F3} ms, p99 {P(viaRedis, 0.99):F3} ms; added by Redis p50 {P(viaRedis, 0.5) - P(inProcess, 0.5):F3} ms, p99 {P(viaRedis, 0.99) - P(inProcess, 0.99):F3} ms"));
        return 0;
    }

    private static async Task<List<double>> MeasureAsync(IRefoldRateLimiter limiter, string bucket)
    {
        for (var i = 0; i < 200; i++)
        {
            (await limiter.AcquireAsync(bucket, default)).Dispose();
        }

        var times = new List<double>(Permits);
        for (var i = 0; i < Permits; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var lease = await limiter.AcquireAsync(bucket, default);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException("a permit was refused on a bucket that should never refuse");
            }
        }

        times.Sort();
        return times;
    }

    private static double P(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
