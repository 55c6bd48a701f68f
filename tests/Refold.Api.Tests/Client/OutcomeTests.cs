using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Client;

/// <summary>
/// Whether a failed call may have taken effect: unknown after sending (a dropped connection, a 5xx) and then never
/// retryable for an operation that is not idempotent, with a hint saying how to check; not sent or rejected otherwise.
/// </summary>
public sealed class OutcomeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_ExecuteWorkflowDroppedAfterSending_IsUnknownWithCheckHint(bool reset)
    {
        await using var server = new DroppingServer(reset);
        var client = ClientFor(server.BaseUrl, "acct_globex");

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            client.SendAsync(Workflows.ExecuteWorkflow, new() { ["workflowId"] = "wf_1", ["slug"] = "hubspot" }))).Error;

        Assert.Equal(1, server.Requests);
        Assert.Equal(RefoldErrorKind.Network, error.Kind);
        Assert.Equal(RefoldOutcome.Unknown, error.Outcome);
        Assert.False(error.Retryable);
        Assert.Contains("""list_executions with workflow_id="wf_1", start_date=""", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("then repeat", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_IdempotentReadDroppedAfterSending_IsRetriedAndStaysRetryable()
    {
        await using var server = new DroppingServer(reset: false);
        var client = ClientFor(server.BaseUrl);

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(Applications.ListApplications))).Error;

        // Each attempt reached the server (the handler itself may also repeat a GET on a fresh connection).
        Assert.True(server.Requests >= 3, $"{server.Requests} requests");
        Assert.Equal(RefoldOutcome.Unknown, error.Outcome);
        Assert.True(error.Retryable);
        Assert.Contains("safe to repeat", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Send_CreateAnswered5xx_IsUnknownWithLookupHint(HttpStatusCode status)
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(status, """{"error":"SERVER_ERROR","message":"down"}"""));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            FakeClient(handler).SendAsync(LinkedAccounts.CreateLinkedAccount, new() { ["account_id"] = "acct_9", ["name"] = "Nine" }))).Error;

        Assert.Single(handler.Requests);
        Assert.Equal(RefoldOutcome.Unknown, error.Outcome);
        Assert.False(error.Retryable);
        Assert.Contains("""get_linked_account with linked_account_id="acct_9" and look for the account""", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_IdempotentAnswered500_IsUnknownButRetryable()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.InternalServerError, "{}"));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => FakeClient(handler, "acct_1").SendAsync(Schedules.PauseSchedule, new() { ["schedule_id"] = "s1" }))).Error;

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(RefoldOutcome.Unknown, error.Outcome);
        Assert.True(error.Retryable);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    public async Task Send_CreateAnswered4xxOr501_IsRejected(HttpStatusCode status, bool retryable)
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(status, """{"message":"no"}"""));
        var (factory, services) = TestClients.Build(handler, TimeProvider.System, o => o.MaxRetries = 0);
        await using var _ = services;

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey)).SendAsync(LinkedAccounts.CreateLinkedAccount, new() { ["account_id"] = "acct_9" }))).Error;

        Assert.Equal(RefoldOutcome.Rejected, error.Outcome);
        Assert.Equal(retryable, error.Retryable);
    }

    [Fact]
    public async Task Send_BadArgument_IsNotSent()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, "{}"));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => FakeClient(handler).SendAsync(LinkedAccounts.ListLinkedAccounts, new() { ["limit"] = "ten" }))).Error;

        Assert.Empty(handler.Requests);
        Assert.Equal(RefoldOutcome.NotSent, error.Outcome);
    }

    [Fact]
    public async Task Send_RunWithoutReadToCheck_HintSaysWhereToLook()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.BadGateway, "{}"));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => FakeClient(handler, "acct_1").SendAsync(Applications.ExecuteApplicationAction,
            new() { ["slug"] = "hubspot", ["action_id"] = "create_contact", ["parameters"] = new System.Text.Json.Nodes.JsonObject { ["email"] = "a@b.c" } }))).Error;

        Assert.False(error.Retryable);
        Assert.Contains("in the app itself", error.Hint, StringComparison.Ordinal);
    }

    private static RefoldClient ClientFor(Uri baseUrl, string? linkedAccount = null)
    {
        var services = new ServiceCollection();
        services.AddRefoldClient(o =>
        {
            o.BaseUrl = baseUrl;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetries = 2;
        });
        return services.BuildServiceProvider().GetRequiredService<RefoldClientFactory>().Create(RefoldCredential.FromApiKey(TestClients.ApiKey, linkedAccount));
    }

    private static RefoldClient FakeClient(FakeHandler handler, string? linkedAccount = null) =>
        TestClients.Build(handler, TimeProvider.System, o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1))
            .Factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey, linkedAccount));

}
