using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Refold.Api.Client;
using Refold.Api.Operations;
using Refold.Api.Resilience;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Resilience;

/// <summary>The per-org token bucket at exactly Refold's limit (no headroom), driven by a fake clock: 5 at once, then one every 50 ms (20/s).</summary>
public sealed class RateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Limiter_BurstOfFive_ThenOnePer50ms()
    {
        using var limiters = new OrgRateLimiters(new RefoldOptions { Headroom = 0 }, _time);
        var limiter = limiters.For("key:a");

        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(limiter.AttemptAcquire().IsAcquired));
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        _time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Limiter_IdleSecond_RefillsOnlyToTheBurst()
    {
        using var limiters = new OrgRateLimiters(new RefoldOptions { Headroom = 0 }, _time);
        var limiter = limiters.For("key:a");
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(5, Enumerable.Range(0, 10).Count(_ => limiter.AttemptAcquire().IsAcquired));
    }

    [Fact]
    public void Limiter_DrainedAfterIdle_NextTokenIsAWholePeriodLater()
    {
        using var limiters = new OrgRateLimiters(new RefoldOptions { Headroom = 0 }, _time);
        var limiter = limiters.For("key:a");
        _time.Advance(TimeSpan.FromMilliseconds(10_049));

        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(limiter.AttemptAcquire().IsAcquired));
        _time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task Limiter_WaitingCallers_AreAdmittedAt20PerSecond()
    {
        using var limiters = new OrgRateLimiters(new RefoldOptions { Headroom = 0 }, _time);
        var limiter = limiters.For("key:a");
        var waits = Enumerable.Range(0, 45).Select(_ => limiter.AcquireAsync().AsTask()).ToList();

        Assert.Equal(5, waits.Count(w => w.IsCompletedSuccessfully));
        AdvanceByPeriods(TimeSpan.FromSeconds(1));
        Assert.Equal(25, waits.Count(w => w.IsCompletedSuccessfully));
        AdvanceByPeriods(TimeSpan.FromSeconds(1));
        await Task.WhenAll(waits);
    }

    [Fact]
    public void Limiter_TimerLateByASecond_ReleasesAtMostOneBurstOfWaiters()
    {
        using var limiters = new OrgRateLimiters(new RefoldOptions { Headroom = 0 }, _time);
        var limiter = limiters.For("key:a");
        var waits = Enumerable.Range(0, 45).Select(_ => limiter.AcquireAsync().AsTask()).ToList();

        // One jump of a whole second is a timer that fired 19 periods late: releasing the 20 tokens it missed at once
        // would send Refold a burst of 20. At most the burst goes, then one per period again.
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, waits.Count(w => w.IsCompletedSuccessfully));
        _time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(11, waits.Count(w => w.IsCompletedSuccessfully));
    }

    // Moves the clock one period (50 ms) at a time, as the bucket's timer fires on a machine that keeps up.
    private void AdvanceByPeriods(TimeSpan total)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += TimeSpan.FromMilliseconds(50))
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
        }
    }

    [Fact]
    public void Limiter_SameOrg_IsShared_OtherOrg_IsSeparate()
    {
        using var limiters = new OrgRateLimiters(new RefoldOptions { Headroom = 0 }, _time);

        Assert.Same(limiters.For("org:o1"), limiters.For("org:o1"));
        Assert.NotSame(limiters.For("org:o1"), limiters.For("org:o2"));
    }

    [Fact]
    public async Task Clients_WithSameApiKey_DrawFromOneBucket()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, "[]"));
        var (factory, services) = TestClients.Build(handler, _time, o => o.Headroom = 0);
        await using var _ = services;
        var first = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));
        var second = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));

        for (var i = 0; i < 5; i++)
        {
            await (i % 2 == 0 ? first : second).SendAsync(Applications.ListApplications);
        }

        // Five calls from two clients emptied one bucket: a sixth must wait for the next token.
        var limiter = services.GetRequiredService<OrgRateLimiters>().For(first.Credential!.LimiterKey);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
        var sixth = second.SendAsync(Applications.ListApplications);
        Assert.Equal(5, handler.Requests.Count);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        await sixth;
        Assert.Equal(6, handler.Requests.Count);

        var other = services.GetRequiredService<OrgRateLimiters>().For(RefoldCredential.FromApiKey("tk_other").LimiterKey);
        Assert.Equal(5, other.GetStatistics()!.CurrentAvailablePermits);
    }
}
