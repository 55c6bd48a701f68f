using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Resilience;

/// <summary>One deadline bounds a whole call, attempts and backoff included; driven by a fake clock.</summary>
public sealed class DeadlineTests
{
    [Theory]
    [InlineData(45, 30)]
    [InlineData(20, 8)]
    public async Task Send_UpstreamNeverAnswers_TimeoutErrorWithinTheDeadline(int deadlineSeconds, int attemptSeconds)
    {
        var time = new ObservableFakeTime();
        var hanging = new HangingHandler();
        var (factory, services) = TestClients.Build(hanging, time, o =>
        {
            o.CallDeadline = TimeSpan.FromSeconds(deadlineSeconds);
            o.AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds);
        });
        await using var _ = services;

        var call = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey)).SendAsync(Applications.ListApplications);
        var elapsed = await AdvanceUntilDone(time, call, TimeSpan.FromSeconds(deadlineSeconds));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => call)).Error;
        Assert.Equal(RefoldErrorKind.Timeout, error.Kind);
        Assert.True(error.Retryable);
        Assert.Contains($"within {deadlineSeconds} s", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(deadlineSeconds), elapsed);

        // The read was retried inside the deadline (at least once after the first attempt timed out).
        Assert.True(hanging.Calls >= 2, $"{hanging.Calls} attempts");
    }

    [Fact]
    public async Task Send_WriteUpstreamNeverAnswers_DeadlineErrorSaysOutcomeUnknown()
    {
        var time = new ObservableFakeTime();
        var hanging = new HangingHandler();
        var (factory, services) = TestClients.Build(hanging, time, o =>
        {
            o.CallDeadline = TimeSpan.FromSeconds(10);
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
        });
        await using var _ = services;

        var call = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey)).SendAsync(LinkedAccounts.CreateLinkedAccount, new() { ["account_id"] = "acct_9" });
        await AdvanceUntilDone(time, call, TimeSpan.FromSeconds(10));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => call)).Error;
        Assert.Equal(RefoldErrorKind.Timeout, error.Kind);
        Assert.Equal(RefoldOutcome.Unknown, error.Outcome);
        Assert.False(error.Retryable);
        Assert.Equal(1, hanging.Calls);
    }

    // Moves the fake clock a second at a time (letting the call react in between) up to the limit, then waits for the
    // call to end; returns how much fake time had passed when it ended, which is never more than the limit.
    private static async Task<TimeSpan> AdvanceUntilDone(ObservableFakeTime time, Task call, TimeSpan limit)
    {
        var start = time.GetUtcNow();
        while (!call.IsCompleted && time.GetUtcNow() - start < limit)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System));
        }

        var elapsed = time.GetUtcNow() - start;
        await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(30), TimeProvider.System));
        Assert.True(call.IsCompleted, $"still running after {limit} of fake time");
        return elapsed;
    }
}
