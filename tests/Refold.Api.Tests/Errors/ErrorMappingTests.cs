using System.Net;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Errors;

/// <summary>Every envelope variant Refold sends becomes the same typed error, as a caller of the client sees it.</summary>
public sealed class ErrorMappingTests
{
    [Fact]
    public async Task Send_StandardEnvelopeWithError_MapsCodeTypeAndMessage()
    {
        var error = await Fail(Events.GetEvent, new() { ["event_id"] = "e404" }, HttpStatusCode.NotFound,
            """{"status_code":404,"http_error_type":"NOT_FOUND","error":"RESOURCE_NOT_FOUND","message":"Event not found"}""");

        Assert.Equal(RefoldErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("NOT_FOUND", error.HttpErrorType);
        Assert.Equal("RESOURCE_NOT_FOUND", error.ErrorCode);
        Assert.Equal("Event not found", error.Message);
        Assert.False(error.Retryable);
        Assert.Contains("list_events", error.Hint, StringComparison.Ordinal);
        Assert.Equal("get_event", error.Operation);
    }

    [Fact]
    public async Task Send_EnvelopeWithErrorCode_ReadsErrorCode()
    {
        var error = await Fail(Executions.GetExecution, new() { ["execution_id"] = "x" }, HttpStatusCode.NotFound,
            """{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"RESOURCE_NOT_FOUND","message":"Execution not found","request_id":"5b1f3a8e-0c2d-4e6f-8a9b-1c2d3e4f5a6b"}""");

        Assert.Equal("RESOURCE_NOT_FOUND", error.ErrorCode);
        Assert.Equal("Execution not found", error.Message);
        Assert.Equal("5b1f3a8e-0c2d-4e6f-8a9b-1c2d3e4f5a6b", error.RequestId);
    }

    [Fact]
    public async Task Send_MessageServerErrorWithTextError_UsesTheText()
    {
        var error = await Fail(Workflows.ExecuteWorkflow, new() { ["workflowId"] = "wf1", ["slug"] = "hubspot" }, HttpStatusCode.BadRequest,
            """{"message":"Server Error","error":"slug header is required"}""");

        Assert.Equal(RefoldErrorKind.BadRequest, error.Kind);
        Assert.Equal("slug header is required", error.Message);
        Assert.Null(error.ErrorCode);
        Assert.Equal("BAD_REQUEST", error.HttpErrorType);
    }

    [Fact]
    public async Task Send_Http200CarryingError_IsAnError()
    {
        var error = await Fail(Credentials.MigrateToken, new() { ["slug"] = "hubspot", ["auth_object"] = new System.Text.Json.Nodes.JsonObject() },
            HttpStatusCode.OK, """{"error":"access_token is required"}""");

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(RefoldErrorKind.BadRequest, error.Kind);
        Assert.Equal("access_token is required", error.Message);
    }

    [Fact]
    public async Task Send_Http200WithDataAndErrorField_IsASuccess()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"_id":"1","error":"ignored","status":"ok"}"""));

        var result = await TestClients.ApiKeyClient(handler).SendAsync(Webhooks.GetWebhook, new() { ["id"] = "1" });

        Assert.Equal("1", (string?)result!["_id"]);
    }

    [Fact]
    public async Task Send_400ResourceNotFound_IsNotFound()
    {
        var error = await Fail(Webhooks.GetWebhook, new() { ["id"] = "w1" }, HttpStatusCode.BadRequest,
            """{"status_code":400,"http_error_type":"BAD_REQUEST","error":"RESOURCE_NOT_FOUND","message":"Webhook not found"}""");

        Assert.Equal(RefoldErrorKind.NotFound, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("list_webhooks", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_NonJsonBody_KeepsStatusAndSnippet()
    {
        var error = await Fail(Webhooks.CreateWebhook, new() { ["webhook_url"] = "https://example.com/h", ["webhook_events"] = new System.Text.Json.Nodes.JsonArray("Workflow Errored") }, HttpStatusCode.BadGateway,
            "<html><body>502 Bad Gateway</body></html>", "text/html");

        Assert.Equal(RefoldErrorKind.ServerError, error.Kind);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("SERVICE_UNAVAILABLE", error.HttpErrorType);
        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("502 Bad Gateway", error.Message, StringComparison.Ordinal);
        Assert.Equal(RefoldOutcome.Unknown, error.Outcome);
        Assert.False(error.Retryable);
        Assert.Contains("list_webhooks", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AuthStructureUnknownSlug_Http500ServerError()
    {
        var error = await Fail(AuthStructure.GetAuthStructure, new() { ["slug"] = "nope" }, HttpStatusCode.InternalServerError,
            """{"error":"SERVER_ERROR","message":"Application not found"}""");

        Assert.Equal(RefoldErrorKind.ServerError, error.Kind);
        Assert.Equal("SERVER_ERROR", error.ErrorCode);
        Assert.Equal("INTERNAL_SERVER_ERROR", error.HttpErrorType);
    }

    [Fact]
    public async Task Send_McpListWithoutAccount_404MissingField_IsBadRequest()
    {
        var error = await Fail(McpServers.ListMcpServers, new() { ["linked_account_id"] = "a" }, HttpStatusCode.NotFound,
            """{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"MISSING_REQUIRED_FIELD","message":"linked_account_id is required"}""");

        Assert.Equal(RefoldErrorKind.BadRequest, error.Kind);
        Assert.Contains("linked_account_id", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_OlderErrorTypeKey_IsReadAsHttpErrorType()
    {
        var error = await Fail(Events.TriggerEventBySlug, new() { ["slug"] = "hubspot", ["event"] = "x", ["linked_account_id"] = "a" }, HttpStatusCode.BadRequest,
            """{"status_code":400,"error_type":"BAD_REQUEST","error":"INVALID_EVENT","message":"Event not found"}""");

        Assert.Equal("BAD_REQUEST", error.HttpErrorType);
        Assert.Equal("INVALID_EVENT", error.ErrorCode);
    }

    [Fact]
    public async Task Send_InvalidToken401_HintsAtNewToken()
    {
        var error = await Fail(LinkedAccounts.ListLinkedAccounts, null, HttpStatusCode.Unauthorized,
            """{"status_code":401,"http_error_type":"UNAUTHORIZED","error":"INVALID_TOKEN","message":"Invalid token"}""");

        Assert.Equal(RefoldErrorKind.Unauthorized, error.Kind);
        Assert.Contains("generate_session_token", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResponse_RetryAfterDate_BecomesSecondsFromNow()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        var now = DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(4));

        var error = RefoldErrorMapper.FromResponse(Events.ListEvents, HttpStatusCode.TooManyRequests, "", response.Headers, now)!;

        Assert.Equal(RefoldErrorKind.RateLimited, error.Kind);
        Assert.Equal(4, error.RetryAfterSeconds);
        Assert.Equal("TOO_MANY_REQUESTS", error.HttpErrorType);
        Assert.True(error.Retryable);
    }

    [Fact]
    public async Task Send_MessageEchoingAHugeInput_CutToASaneLength()
    {
        var echoed = new string('z', 5_000);
        var error = await Fail(Tables.GetTableRecords, new() { ["table_id"] = "t1" }, HttpStatusCode.BadRequest,
            $$"""{"status_code":400,"http_error_type":"BAD_REQUEST","error":"SERVER_ERROR","message":"Invalid filter: {{echoed}}"}""");

        Assert.StartsWith("Invalid filter: zzz", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < RefoldErrorMapper.MaxMessageLength + 60, $"message has {error.Message.Length} characters");
        Assert.Contains("characters cut", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_NotFoundOnAnAccountScopedOperation_HintSaysAWrongAccountLooksTheSame()
    {
        var scoped = await Fail(Executions.GetExecution, new() { ["execution_id"] = "x" }, HttpStatusCode.NotFound,
            """{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"RESOURCE_NOT_FOUND","message":"Execution not found"}""");
        var orgWide = await Fail(Events.GetEvent, new() { ["event_id"] = "e404" }, HttpStatusCode.NotFound,
            """{"status_code":404,"http_error_type":"NOT_FOUND","error":"RESOURCE_NOT_FOUND","message":"Event not found"}""");

        Assert.Contains("another linked account", scoped.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("linked account", orgWide.Hint, StringComparison.Ordinal);
    }

    private static async Task<RefoldError> Fail(Refold.Api.Catalog.Operation op, System.Text.Json.Nodes.JsonObject? args, HttpStatusCode status, string body, string mediaType = "application/json")
    {
        var handler = new FakeHandler((_, _) => new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType) });
        var client = TestClients.Build(handler, configure: o => o.MaxRetries = 0).Factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey, "acct_1"));
        var e = await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(op, args));
        return e.Error;
    }
}
