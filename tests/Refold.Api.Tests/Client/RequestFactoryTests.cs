using System.Net;
using System.Text.Json.Nodes;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Client;

/// <summary>What goes on the wire for a declaration: route, query, headers, body and credential.</summary>
public sealed class RequestFactoryTests
{
    private readonly FakeHandler _handler = new((_, _) => FakeHandler.Json(HttpStatusCode.OK, "{}"));

    [Fact]
    public async Task Send_PathPlaceholder_IsEscaped()
    {
        await Client().SendAsync(Tables.GetTableRecords, new() { ["table_id"] = "a/b c?#%" });

        var uri = Assert.Single(_handler.Requests).Uri;
        Assert.Equal("/api/v2/public/tables/a%2Fb%20c%3F%23%25", uri.AbsolutePath);
        Assert.Equal("", uri.Query);
    }

    [Fact]
    public async Task Send_HeaderParameter_GoesToHeaderNotQuery()
    {
        await Client().SendAsync(Workflows.ListWorkflows, new() { ["linked_account_id"] = "acct_1", ["page"] = 2, ["name"] = "sync & go" });

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("acct_1", request.Headers["linked_account_id"]);
        Assert.DoesNotContain("linked_account_id", request.Uri.Query, StringComparison.Ordinal);
        Assert.Equal("?page=2&name=sync%20%26%20go", request.Uri.Query);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task Send_NameDeclaredInTwoLocations_GoesToBoth()
    {
        await Client("acct_1").SendAsync(Workflows.ExecuteWorkflow, new() { ["workflowId"] = "wf1", ["slug"] = "hubspot", ["include-headers"] = "true" });

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("true", request.Headers["include-headers"]);
        Assert.Contains("include-headers=true", request.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BodyParameters_FormJsonBody_WithApiKeyHeader()
    {
        var columns = new JsonArray(new JsonObject { ["column_name"] = "email" });
        await Client().SendAsync(Tables.CreateTable, new() { ["table_name"] = "leads", ["columns"] = columns });

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(TestClients.ApiKey, request.Headers["x-api-key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        Assert.Equal("leads", (string?)body["table_name"]);
        Assert.Equal("email", (string?)body["columns"]![0]!["column_name"]);
    }

    [Fact]
    public async Task Send_SpreadBodyParameter_BecomesTheWholeBody()
    {
        await Client().SendAsync(Applications.ExecuteApplicationAction, new()
        {
            ["slug"] = "hubspot",
            ["action_id"] = "create_contact",
            ["linked_account_id"] = "acct_1",
            ["parameters"] = new JsonObject { ["email"] = "jane@example.com", ["first_name"] = "Jane" },
        });

        var body = JsonNode.Parse(Assert.Single(_handler.Requests).Body!)!.AsObject();
        Assert.Equal(["email", "first_name"], body.Select(p => p.Key));
    }

    [Fact]
    public async Task Send_SpreadQueryParameter_AddsEachMemberToQuery()
    {
        await Client().SendAsync(AuthStructure.GetOauthUrl, new()
        {
            ["slug"] = "zendesk",
            ["linked_account_id"] = "acct_1",
            ["extra_query"] = new JsonObject { ["subdomain"] = "globex" },
        });

        var request = Assert.Single(_handler.Requests);
        Assert.Contains("subdomain=globex", request.Uri.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("extra_query", request.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SessionToken_ReplacesBothHeaders()
    {
        var client = TestClients.Build(_handler).Factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_7")));

        await client.SendAsync(Workflows.ListWorkflows, new() { ["linked_account_id"] = "acct_other" });

        var request = Assert.Single(_handler.Requests);
        Assert.StartsWith("Bearer ", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("x-api-key"));
        Assert.False(request.Headers.ContainsKey("linked_account_id"));
    }

    [Fact]
    public async Task Send_ApiKeyWithDefaultAccount_FillsLinkedAccountHeader()
    {
        await Client("acct_default").SendAsync(Executions.ListExecutions);

        Assert.Equal("acct_default", Assert.Single(_handler.Requests).Headers["linked_account_id"]);
    }

    [Fact]
    public async Task Send_ExplicitLinkedAccount_WinsOverDefault()
    {
        await Client("acct_default").SendAsync(Executions.ListExecutions, new() { ["linked_account_id"] = "acct_2" });

        Assert.Equal("acct_2", Assert.Single(_handler.Requests).Headers["linked_account_id"]);
    }

    [Fact]
    public async Task Send_PublicOperation_SendsNoCredential()
    {
        await Client().SendAsync(AuthStructure.GetAuthStructure, new() { ["slug"] = "hubspot" });

        var request = Assert.Single(_handler.Requests);
        Assert.False(request.Headers.ContainsKey("x-api-key"));
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Send_PostWithoutBodyArguments_SendsEmptyJsonObject()
    {
        await Client("acct_1").SendAsync(Executions.StopExecution, new() { ["instanceId"] = "e1" });

        Assert.Equal("{}", Assert.Single(_handler.Requests).Body);
    }

    [Fact]
    public async Task Send_BooleanLikeStringGivenAsJsonBoolean_SentAsText()
    {
        await Client("acct_1").SendAsync(Workflows.ExecuteWorkflow, new() { ["workflowId"] = "wf1", ["slug"] = "hubspot", ["sync_execution"] = true, ["include-headers"] = false });
        await Client().SendAsync(SessionTokens.GenerateSessionToken, new() { ["linked_account_id"] = "acct_1", ["force_refresh"] = true });

        var (execute, token) = (_handler.Requests[0], _handler.Requests[1]);
        Assert.Equal("true", execute.Headers["sync_execution"]);
        Assert.Equal("false", execute.Headers["include-headers"]);
        Assert.Contains("include-headers=false", execute.Uri.Query, StringComparison.Ordinal);
        Assert.Contains("force_refresh=true", token.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BooleanLikeStringGivenAsNumber_RefusedNamingBothForms()
    {
        var e = await Assert.ThrowsAsync<RefoldApiException>(() => Client("acct_1").SendAsync(Workflows.ListWorkflows, new() { ["published"] = 1 }));

        Assert.Equal("published", e.Error.Argument);
        Assert.Contains("a string or a JSON boolean", e.Error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Send_UnknownWebhookEventName_RefusedNamingTheKnownOnes()
    {
        var e = await Assert.ThrowsAsync<RefoldApiException>(() => Client().SendAsync(Webhooks.CreateWebhook,
            new() { ["webhook_url"] = "https://hooks.example.com/r", ["webhook_events"] = new JsonArray("Workflow Errored", "Workflow Failed") }));

        Assert.Equal("webhook_events", e.Error.Argument);
        Assert.Contains("'Workflow Failed'", e.Error.Message, StringComparison.Ordinal);
        Assert.Contains("'Connection Expired'", e.Error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    private RefoldClient Client(string? linkedAccount = null) => TestClients.ApiKeyClient(_handler, linkedAccount);
}
