using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Resilience;

/// <summary>
/// A probe that ends without Refold's answer (its permit refused by the local rate limiter, or any exception)
/// does not close a half-open breaker: only a real answer from Refold does. While the breaker is closed a local refusal
/// never counts against Refold's health.
/// </summary>
public sealed class HalfOpenProbeTests
{
    private static readonly TimeSpan s_break = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_attemptTimeout = TimeSpan.FromMilliseconds(300);

    [Theory]
    [InlineData(1000)] // the probe waits for a permit until its attempt's timeout cuts the wait
    [InlineData(0)] // no queue: the probe is refused at once
    public async Task Send_HalfOpenProbeRefusedLocally_CircuitReopensUntilARealAnswerClosesIt(int queueLimit)
    {
        var time = new ObservableFakeTime();
        var handler = new FakeHandler((_, i) => i < 2 ? FakeHandler.Json(HttpStatusCode.BadGateway, "{}") : FakeHandler.Json(HttpStatusCode.OK, "[]"));
        var (factory, services) = RecordingLimiter.Build(handler, time, o =>
        {
            o.Burst = 2;
            o.QueueLimit = queueLimit;
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
            o.BreakerDuration = s_break;
            o.AttemptTimeout = s_attemptTimeout;
        });
        await using var _ = services;
        var limiter = services.GetRequiredService<RecordingLimiter>();
        var client = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));

        await OpenCircuitAsync(client, limiter);

        AssertCircuitOpen(await FailureOf(client.SendAsync(Applications.ListApplications)));

        // The break passes, and the org's other calls have just taken every permit of its bucket.
        time.Advance(s_break);
        for (var i = 0; i < 2; i++)
        {
            using var taken = await limiter.Buckets.AcquireAsync(client.Credential!.LimiterKey, CancellationToken.None);
            Assert.True(taken.IsAcquired);
        }

        // The probe gets no permit: rate limited, not sent.
        var probe = client.SendAsync(Applications.ListApplications);
        Assert.True(await limiter.Asked.WaitAsync(TimeSpan.FromSeconds(30)));
        time.Advance(s_attemptTimeout);
        var refused = await FailureOf(probe);
        Assert.Equal((RefoldErrorKind.RateLimited, RefoldOutcome.NotSent, "LOCAL_RATE_LIMIT"), (refused.Kind, refused.Outcome, refused.ErrorCode));

        // Having heard nothing from Refold, the breaker did not close: the next call is refused by it, asking for no permit.
        // (A call that asks for one instead is ended by its attempt's timeout, so the test fails rather than hangs.)
        var next = client.SendAsync(Applications.ListApplications);
        using (var stop = new CancellationTokenSource())
        {
            await Task.WhenAny(next, limiter.Asked.WaitAsync(TimeSpan.FromSeconds(30), stop.Token));
            await stop.CancelAsync();
        }

        time.Advance(s_attemptTimeout);
        AssertCircuitOpen(await FailureOf(next));
        Assert.Equal(2, handler.Requests.Count);

        await CloseWithRealAnswersAsync(time, client);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task Send_HalfOpenProbeEndedWithoutAnAnswer_CircuitReopensUntilARealAnswerClosesIt()
    {
        var time = new ObservableFakeTime();
        // Two gateway failures, then the probe, which ends in an exception instead of an answer, then real answers.
        var handler = new FakeHandler((_, i) => i switch
        {
            < 2 => FakeHandler.Json(HttpStatusCode.BadGateway, "{}"),
            2 => throw new OperationCanceledException("the probe's send was abandoned"),
            _ => FakeHandler.Json(HttpStatusCode.OK, "[]"),
        });
        var (factory, services) = RecordingLimiter.Build(handler, time, o =>
        {
            o.Burst = 3;
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
            o.BreakerDuration = s_break;
        });
        await using var _ = services;
        var client = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));
        await OpenCircuitAsync(client, services.GetRequiredService<RecordingLimiter>());

        time.Advance(s_break);
        await Assert.ThrowsAnyAsync<Exception>(() => client.SendAsync(Applications.ListApplications));
        Assert.Equal(3, handler.Requests.Count);

        // No answer came: the breaker opened again instead of closing.
        AssertCircuitOpen(await FailureOf(client.SendAsync(Applications.ListApplications)));
        Assert.Equal(3, handler.Requests.Count);

        await CloseWithRealAnswersAsync(time, client);
        Assert.Equal(5, handler.Requests.Count);
    }

    [Fact]
    public async Task Send_ClosedAndManyPermitsRefusedLocally_CircuitNeverOpens()
    {
        var time = new ObservableFakeTime();
        var handler = new FakeHandler((_, i) => i == 0 ? FakeHandler.Json(HttpStatusCode.BadGateway, "{}") : FakeHandler.Json(HttpStatusCode.OK, "[]"));
        var (factory, services) = RecordingLimiter.Build(handler, time, o =>
        {
            o.QueueLimit = 0;
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
        });
        await using var _ = services;
        var client = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));

        // One real failure of Refold spends the bucket's one permit; then many calls find it empty.
        Assert.Equal(RefoldErrorKind.ServerError, (await FailureOf(client.SendAsync(Applications.ListApplications))).Kind);
        for (var i = 0; i < 20; i++)
        {
            var refused = await FailureOf(client.SendAsync(Applications.ListApplications));
            Assert.Equal((RefoldErrorKind.RateLimited, RefoldOutcome.NotSent, "LOCAL_RATE_LIMIT"), (refused.Kind, refused.Outcome, refused.ErrorCode));
        }

        // Local refusals are not Refold's failures: with a permit back, the next call is sent, not refused by a breaker.
        time.Advance(TimeSpan.FromSeconds(1));
        await client.SendAsync(Applications.ListApplications);
        Assert.Equal(2, handler.Requests.Count);
    }

    // Two gateway failures open the circuit (the breaker's minimum throughput is two).
    private static async Task OpenCircuitAsync(RefoldClient client, RecordingLimiter limiter)
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(RefoldErrorKind.ServerError, (await FailureOf(client.SendAsync(Applications.ListApplications))).Kind);
            Assert.True(await limiter.Asked.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    // After another break the next probe is sent, Refold's answer closes the circuit, and the call after it is sent too.
    private static async Task CloseWithRealAnswersAsync(ObservableFakeTime time, RefoldClient client)
    {
        time.Advance(s_break);
        await client.SendAsync(Applications.ListApplications);
        await client.SendAsync(Applications.ListApplications);
    }

    private static async Task<RefoldError> FailureOf(Task call) => (await Assert.ThrowsAsync<RefoldApiException>(() => call)).Error;

    private static void AssertCircuitOpen(RefoldError error)
    {
        Assert.Equal((RefoldErrorKind.CircuitOpen, RefoldOutcome.NotSent, "CIRCUIT_OPEN"), (error.Kind, error.Outcome, error.ErrorCode));
        Assert.True(error.RetryAfterSeconds > 0, $"retry_after_s was {error.RetryAfterSeconds}");
    }
}
