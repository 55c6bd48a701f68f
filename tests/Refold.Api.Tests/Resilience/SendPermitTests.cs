using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Resilience;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Resilience;

/// <summary>
/// The rate-limit permit is taken by each attempt right before it is sent, below every strategy of the pipeline: what
/// the org's bucket grants is what reaches Refold, at that moment, and an attempt that never reaches the send spends none.
/// </summary>
public sealed class SendPermitTests
{
    private static readonly TimeSpan s_period = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Send_RetriedAfterBackoffs_EachAttemptReachesRefoldTheInstantItsPermitIsGranted()
    {
        var time = new ObservableFakeTime();
        var sentAt = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var handler = new FakeHandler((_, i) => i < 2 ? FakeHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") : FakeHandler.Json(HttpStatusCode.OK, "[]"));
        handler.Received += _ => sentAt.Enqueue(time.GetUtcNow());
        var (factory, services) = RecordingLimiter.Build(handler, time);
        await using var _ = services;
        var limiter = services.GetRequiredService<RecordingLimiter>();

        var call = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey)).SendAsync(Applications.ListApplications);
        await AdvanceUntilDone(time, call, () => limiter.Granted.Count == sentAt.Count);

        // Three attempts, each after a backoff of the retry strategy and a wait for the one-a-second bucket: three
        // permits, each granted at the very fake instant its attempt reached the handler.
        var sent = sentAt.ToList();
        Assert.Equal(3, sent.Count);
        Assert.Equal(sent, limiter.Granted);
        Assert.True(sent[2] - sent[0] >= 2 * s_period, $"attempts at {string.Join(", ", sent)} outran the bucket");
    }

    [Fact]
    public async Task Send_CircuitOpen_TakesNoPermit()
    {
        var time = new ObservableFakeTime();
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.BadGateway, "{}"));
        var (factory, services) = RecordingLimiter.Build(handler, time, o =>
        {
            o.Burst = 20;
            o.PermitsPerSecond = 20;
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
        });
        await using var _ = services;
        var limiter = services.GetRequiredService<RecordingLimiter>();
        var client = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(Applications.ListApplications));
        }

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(Applications.ListApplications))).Error;

        Assert.Equal(RefoldErrorKind.CircuitOpen, error.Kind);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(2, limiter.Granted.Count);
    }

    [Fact]
    public async Task Send_AttemptTimesOutWaitingForPermit_RateLimitedNotSentAndCircuitStaysClosed()
    {
        var time = new ObservableFakeTime();
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, "[]"));
        var (factory, services) = RecordingLimiter.Build(handler, time, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.BreakerMinimumThroughput = 2;
        });
        await using var _ = services;
        var limiter = services.GetRequiredService<RecordingLimiter>();
        var client = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));
        await client.SendAsync(Applications.ListApplications);
        await limiter.Asked.WaitAsync(TimeSpan.FromSeconds(30));

        // The bucket's next permit is a second away; each attempt may wait 300 ms of it, three in a row.
        var errors = new List<RefoldError>();
        for (var i = 0; i < 3; i++)
        {
            var call = client.SendAsync(Applications.ListApplications);
            Assert.True(await limiter.Asked.WaitAsync(TimeSpan.FromSeconds(30)));
            time.Advance(TimeSpan.FromMilliseconds(300));
            errors.Add((await Assert.ThrowsAsync<RefoldApiException>(() => call)).Error);
        }

        Assert.All(errors, e => Assert.Equal((RefoldErrorKind.RateLimited, RefoldOutcome.NotSent), (e.Kind, e.Outcome)));
        Assert.Single(handler.Requests);

        // Waits cut short are not Refold's failures: with the permit back, the next call is sent, not refused by a breaker.
        time.Advance(s_period);
        await client.SendAsync(Applications.ListApplications);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Send_CallerCancelsWhileWaitingForPermit_CancelledAndNothingSent()
    {
        var time = new ObservableFakeTime();
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, "[]"));
        var (factory, services) = RecordingLimiter.Build(handler, time);
        await using var _ = services;
        var limiter = services.GetRequiredService<RecordingLimiter>();
        var client = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));
        await client.SendAsync(Applications.ListApplications);
        using var cancel = new CancellationTokenSource();

        var call = client.SendAsync(Applications.ListApplications, null, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        time.Advance(s_period);
        Assert.Single(handler.Requests);
        Assert.Single(limiter.Granted);
    }

    // Moves the fake clock in small steps until the call ends (at most a minute of fake time). Before each step it lets
    // the call settle: a granted permit's attempt is given up to 5 s of real time to reach the handler, so the clock
    // never moves between a permit and its send unless something really stands between them.
    private static async Task AdvanceUntilDone(ObservableFakeTime time, Task call, Func<bool> settled)
    {
        var start = time.GetUtcNow();
        while (!call.IsCompleted && time.GetUtcNow() - start < TimeSpan.FromMinutes(1))
        {
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System));
            for (var waited = 0; !settled() && !call.IsCompleted && waited < 1000; waited++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            }

            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        await call;
    }
}
