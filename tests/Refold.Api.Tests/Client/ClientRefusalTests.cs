using System.Net;
using System.Text.Json.Nodes;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Client;

/// <summary>What the client refuses locally, before anything is sent, and how it says so.</summary>
public sealed class ClientRefusalTests
{
    private readonly FakeHandler _handler = new((_, _) => FakeHandler.Json(HttpStatusCode.OK, "{}"));

    [Fact]
    public async Task Send_OrgOperationWithSessionToken_RefusedLocally()
    {
        var client = TestClients.Build(_handler).Factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_1")));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(LinkedAccounts.ListLinkedAccounts))).Error;

        Assert.Equal(RefoldErrorKind.NotPermitted, error.Kind);
        Assert.Equal("ORG_KEY_REQUIRED", error.ErrorCode);
        Assert.Contains("list_linked_accounts", error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Send_AccountOperationWithApiKey_RefusedLocally()
    {
        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => TestClients.ApiKeyClient(_handler, "acct_1").SendAsync(LinkedAccounts.GetActiveLinkedAccount))).Error;

        Assert.Equal("SESSION_TOKEN_REQUIRED", error.ErrorCode);
        Assert.Contains("generate_session_token", error.Hint, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Send_RequiredLinkedAccountMissing_RefusedLocally()
    {
        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => TestClients.ApiKeyClient(_handler).SendAsync(Tables.UpdateTableRecord,
            new() { ["table_id"] = "t1", ["record_id"] = "r1", ["data"] = new JsonObject() }))).Error;

        Assert.Equal(RefoldErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("linked_account_id", error.Argument);
        Assert.Contains("missing required argument 'linked_account_id'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Send_OptionalLinkedAccountMissing_IsSentOrgWide()
    {
        await TestClients.ApiKeyClient(_handler).SendAsync(Workflows.ListWorkflows);

        Assert.False(Assert.Single(_handler.Requests).Headers.ContainsKey("linked_account_id"));
    }

    [Fact]
    public async Task Send_OrgOperationWithSessionTokenAndBadArguments_ReportsTheCredentialFirst()
    {
        var client = TestClients.Build(_handler).Factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_1")));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(LinkedAccounts.ListLinkedAccounts, new() { ["limit"] = "x" }))).Error;

        Assert.Equal("ORG_KEY_REQUIRED", error.ErrorCode);
    }

    [Fact]
    public async Task Send_WrongArgumentType_NamesFieldAndExpectation()
    {
        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            TestClients.ApiKeyClient(_handler).SendAsync(LinkedAccounts.ListLinkedAccounts, new() { ["limit"] = "ten" }))).Error;

        Assert.Equal(RefoldErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("limit", error.Argument);
        Assert.Contains("'limit' must be an integer, got the string \"ten\"", error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Send_MissingRequiredAndUnknownArguments_NamesEach()
    {
        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            TestClients.ApiKeyClient(_handler).SendAsync(Tables.CreateTable, new() { ["tabel_name"] = "x", ["columns"] = new JsonArray() }))).Error;

        Assert.Contains("unknown argument 'tabel_name'", error.Message, StringComparison.Ordinal);
        Assert.Contains("table_name", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing required argument 'table_name'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Send_ValueOutsideEnum_ListsAllowedValues()
    {
        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            TestClients.ApiKeyClient(_handler).SendAsync(Webhooks.CreateWebhook, new()
            {
                ["webhook_url"] = "https://example.com/h",
                ["webhook_events"] = new JsonArray("Workflow Errored"),
                ["method"] = "GET",
            }))).Error;

        Assert.Equal("method", error.Argument);
        Assert.Contains("'POST', 'PUT', 'PATCH'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_HeaderValueWithLineBreak_Refused()
    {
        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            TestClients.ApiKeyClient(_handler).SendAsync(Executions.ListExecutions, new() { ["linked_account_id"] = "a\r\nx-api-key: stolen" }))).Error;

        Assert.Equal("linked_account_id", error.Argument);
        Assert.Empty(_handler.Requests);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    public async Task Send_DotSegmentAsPathId_RefusedBeforeItCanReachAnotherRoute(string id)
    {
        // DELETE .../tables/{table_id}/{record_id} with record_id ".." would be normalised onto the table itself.
        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            TestClients.ApiKeyClient(_handler).SendAsync(Tables.DeleteTableRecord, new() { ["table_id"] = "t1", ["record_id"] = id }))).Error;

        Assert.Equal("record_id", error.Argument);
        Assert.Contains("must be an id", error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Send_NonAsciiHeaderValue_RefusedAsBadArgument()
    {
        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            TestClients.ApiKeyClient(_handler).SendAsync(Configs.GetConfigFields, new() { ["slug"] = "hübspot", ["linked_account_id"] = "a" }))).Error;

        Assert.Equal(RefoldErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("slug", error.Argument);
        Assert.Contains("ASCII", error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Send_HugeWholeNumber_IsAcceptedAsInteger()
    {
        await TestClients.ApiKeyClient(_handler).SendAsync(LinkedAccounts.ListLinkedAccounts, new() { ["limit"] = JsonNode.Parse("1e30") });

        Assert.Contains("limit=1e30", Assert.Single(_handler.Requests).Uri.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"exp":"abc"}""")]
    [InlineData("""{"exp":99999999999999999}""")]
    [InlineData("""{"iat":-99999999999999}""")]
    [InlineData("""{"exp":1.5e300}""")]
    public void SessionToken_WithOutlandishClaims_ReadsWithoutThrowing(string payload)
    {
        var token = "eyJhbGciOiJIUzI1NiJ9." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload)) + ".c2ln";

        var claims = Refold.Api.Client.SessionTokenClaims.TryRead(token);

        Assert.NotNull(claims);
        Assert.Null(claims.ExpiresAt);
        Assert.Null(claims.IssuedAt);
    }

    [Fact]
    public void Credential_ToString_NeverShowsTheSecret()
    {
        var key = RefoldCredential.FromApiKey("tk_secret_value", "acct_1");
        var token = RefoldCredential.FromSessionToken(Tokens.For("acct_9"));

        Assert.DoesNotContain("tk_secret_value", key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tk_secret_value", key.LimiterKey, StringComparison.Ordinal);
        Assert.DoesNotContain(Tokens.For("acct_9"), token.ToString(), StringComparison.Ordinal);
        Assert.Equal("org:org_1", token.LimiterKey);
        Assert.Equal("acct_9", token.LinkedAccountId);
    }
}
