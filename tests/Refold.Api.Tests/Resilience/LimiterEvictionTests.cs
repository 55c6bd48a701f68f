using Microsoft.Extensions.Time.Testing;
using Refold.Api.Client;
using Refold.Api.Resilience;

namespace Refold.Api.Tests.Resilience;

/// <summary>
/// The per-org buckets stay bounded under a flood of claimed orgs (plausible forged tokens, each naming a new org),
/// and a bucket in use is never forgotten, so a flood cannot reset a real org's spent budget.
/// </summary>
public sealed class LimiterEvictionTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void For_FloodOfClaimedOrgs_KeepsAtMostTheCap()
    {
        using var limiters = new OrgRateLimiters(new RefoldOptions { MaxBuckets = 50 }, _time);

        for (var i = 0; i < 2_000; i++)
        {
            // Each forged check spends one token of its claimed org's bucket, a few of them every second.
            limiters.For($"org:forged_{i}").AttemptAcquire().Dispose();
            if (i % 10 == 0)
            {
                _time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        Assert.InRange(limiters.Count, 1, 51);
    }

    [Fact]
    public void For_BucketInUseDuringFlood_NeverForgottenNorRefilled()
    {
        var options = new RefoldOptions { MaxBuckets = 20 };
        using var limiters = new OrgRateLimiters(options, _time);
        var real = limiters.For("org:real");
        for (var i = 0; i < options.EffectiveBurst; i++)
        {
            Assert.True(real.AttemptAcquire().IsAcquired);
        }

        // The real org is busy: more callers wait for its tokens than the flood's whole time can serve.
        var waiting = Enumerable.Range(0, 100).Select(_ => real.AcquireAsync().AsTask()).ToList();
        for (var i = 0; i < 500; i++)
        {
            limiters.For($"org:forged_{i}").AttemptAcquire().Dispose();
            if (i % 50 == 0)
            {
                _time.Advance(OrgRateLimiters.IdleAfter);
            }
        }

        Assert.InRange(limiters.Count, 1, 21);
        Assert.Same(real, limiters.For("org:real"));
        // Its waiters are still served in turn, and its spent budget was not reset to a fresh burst.
        Assert.Contains(waiting, w => w.IsCompletedSuccessfully);
        Assert.Contains(waiting, w => !w.IsCompleted);
        Assert.False(limiters.For("org:real").AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void For_EveryKeptBucketInUse_NewOrgsShareTheOverflowBucket()
    {
        using var limiters = new OrgRateLimiters(new RefoldOptions { MaxBuckets = 3 }, _time);
        var kept = Enumerable.Range(0, 3).Select(i => limiters.For($"org:busy_{i}")).ToList();
        foreach (var bucket in kept)
        {
            bucket.AttemptAcquire().Dispose();
        }

        var first = limiters.For("org:late_1");
        var second = limiters.For("org:late_2");

        Assert.Same(first, second);
        Assert.All(kept, k => Assert.NotSame(first, k));
        Assert.Equal(4, limiters.Count);
    }
}
