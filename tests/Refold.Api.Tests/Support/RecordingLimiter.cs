using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Resilience;

namespace Refold.Api.Tests.Support;

/// <summary>The real per-org buckets, noting the clock's time each permit was granted (registered before <c>AddRefoldClient</c>).</summary>
internal sealed class RecordingLimiter(RefoldOptions options, TimeProvider time) : IRefoldRateLimiter, IDisposable
{
    private readonly ConcurrentQueue<DateTimeOffset> _granted = new();

    /// <summary>
    /// A client stack whose org limiter is a <see cref="RecordingLimiter"/> (resolve it from the services): one permit a
    /// second and bursts of one unless <paramref name="configure"/> says otherwise, so every attempt after the first waits.
    /// </summary>
    public static (RefoldClientFactory Factory, ServiceProvider Services) Build(FakeHandler handler, ObservableFakeTime time, Action<RefoldOptions>? configure = null) =>
        TestClients.Build(handler, time, o =>
        {
            o.PermitsPerSecond = 1;
            o.Burst = 1;
            o.Headroom = 0;
            configure?.Invoke(o);
        }, services =>
        {
            services.AddSingleton(sp => new RecordingLimiter(sp.GetRequiredService<RefoldOptions>(), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IRefoldRateLimiter>(sp => sp.GetRequiredService<RecordingLimiter>());
        });

    public OrgRateLimiters Buckets { get; } = new(options, time);

    /// <summary>When each permit was granted, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Granted => [.. _granted];

    /// <summary>Released once for each permit asked for, after the ask is queued in its bucket.</summary>
    public SemaphoreSlim Asked { get; } = new(0);

    public async ValueTask<RateLimitLease> AcquireAsync(string limiterKey, CancellationToken cancellationToken)
    {
        var pending = Buckets.AcquireAsync(limiterKey, cancellationToken);
        Asked.Release();
        var lease = await pending;
        if (lease.IsAcquired)
        {
            _granted.Enqueue(time.GetUtcNow());
        }

        return lease;
    }

    public void LearnOrg(string limiterKey, string orgId) => Buckets.LearnOrg(limiterKey, orgId);

    public string BucketOf(string limiterKey) => Buckets.BucketOf(limiterKey);

    public void Dispose()
    {
        Buckets.Dispose();
        Asked.Dispose();
    }
}
