using System.Net;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Resilience;

/// <summary>Which calls are repeated, and when: idempotent ones, and any call answered 429, after jittered backoff or Retry-After.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task Send_GetAfter503_IsRetriedUntilSuccess()
    {
        var handler = new FakeHandler((_, i) => i < 2 ? FakeHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") : FakeHandler.Json(HttpStatusCode.OK, """[{"slug":"hubspot"}]"""));

        var result = await Client(handler).SendAsync(Applications.ListApplications);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("hubspot", (string?)result![0]!["slug"]);
    }

    [Fact]
    public async Task Send_PostAfter503_IsNotRetried()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.ServiceUnavailable, """{"status_code":503,"http_error_type":"INTERNAL_SERVER_ERROR","error":"SERVER_ERROR","message":"down"}"""));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            Client(handler).SendAsync(LinkedAccounts.CreateLinkedAccount, new() { ["account_id"] = "acct_9" }))).Error;

        Assert.Single(handler.Requests);
        Assert.Equal(RefoldErrorKind.ServerError, error.Kind);
        Assert.Contains("not idempotent", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WorkflowExecutionAfter429_IsRetriedAfterRetryAfter()
    {
        var time = new ObservableFakeTime();
        var handler = new FakeHandler((_, i) => i == 0 ? TooManyRequests(2) : FakeHandler.Json(HttpStatusCode.OK, """{"execution_id":"ex_1"}"""));
        var client = TestClients.Build(handler, time).Factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey, "acct_1"));

        var call = client.SendAsync(Workflows.ExecuteWorkflow, new() { ["workflowId"] = "wf1", ["slug"] = "hubspot" });
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        Assert.Single(handler.Requests);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("ex_1", (string?)(await call)!["execution_id"]);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Send_CreateAlways429_IsRejectedAndRetryableAfterRetries()
    {
        var handler = new FakeHandler((_, _) => TooManyRequests(0));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            Client(handler).SendAsync(LinkedAccounts.CreateLinkedAccount, new() { ["account_id"] = "acct_9" }))).Error;

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(RefoldErrorKind.RateLimited, error.Kind);
        Assert.Equal(RefoldOutcome.Rejected, error.Outcome);
        Assert.True(error.Retryable);
    }

    [Fact]
    public async Task Send_IdempotentPutAfter500_IsRetried()
    {
        var handler = new FakeHandler((_, i) => i == 0 ? FakeHandler.Json(HttpStatusCode.InternalServerError, "{}") : FakeHandler.Json(HttpStatusCode.OK, "{}"));

        await Client(handler).SendAsync(Schedules.PauseSchedule, new() { ["schedule_id"] = "s1" });

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Send_GetAfter501_IsNotRetried()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.NotImplemented, """{"message":"batches not supported"}"""));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            Client(handler).SendAsync(Executions.ListExecutionNodeBatches, new() { ["execution_id"] = "e", ["node_id"] = "n" }))).Error;

        Assert.Single(handler.Requests);
        Assert.Equal(RefoldErrorKind.NotImplemented, error.Kind);
    }

    [Fact]
    public async Task Send_GetAfter404_IsNotRetried()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.NotFound, "{}"));

        await Assert.ThrowsAsync<RefoldApiException>(() => Client(handler).SendAsync(Events.GetEvent, new() { ["event_id"] = "x" }));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsExactlyThatLong()
    {
        var time = new ObservableFakeTime();
        var handler = new FakeHandler((_, i) =>
        {
            return i > 0 ? FakeHandler.Json(HttpStatusCode.OK, "[]") : TooManyRequests(7);
        });
        var client = TestClients.Build(handler, time).Factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));

        var call = client.SendAsync(Applications.ListApplications);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        time.Advance(TimeSpan.FromSeconds(6.9));
        Assert.Single(handler.Requests);
        Assert.False(call.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(0.1));
        await call;

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Send_Repeated503_OpenTheCircuit_WithoutSending()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"));
        var (factory, services) = TestClients.Build(handler, TimeProvider.System, o =>
        {
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 2;
            o.BreakerFailureRatio = 0.5;
        });
        await using var _ = services;
        var client = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(RefoldErrorKind.ServerError, (await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(Events.ListEvents))).Error.Kind);
        }

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(Events.ListEvents))).Error;
        Assert.Equal(RefoldErrorKind.CircuitOpen, error.Kind);
        Assert.NotNull(error.RetryAfterSeconds);
        Assert.Equal(2, handler.Requests.Count);
    }

    private static HttpResponseMessage TooManyRequests(int retryAfterSeconds)
    {
        var r = FakeHandler.Json(HttpStatusCode.TooManyRequests, "{}");
        r.Headers.RetryAfter = new(TimeSpan.FromSeconds(retryAfterSeconds));
        return r;
    }

    private static RefoldClient Client(FakeHandler handler) =>
        TestClients.Build(handler, TimeProvider.System, o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1))
            .Factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey, "acct_1"));
}
