using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>The one call path: call-time refusals and what happens when something nobody expected goes wrong.</summary>
public sealed class OperationRunnerTests
{
    private sealed class ThrowingHandler : HttpMessageHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            throw new InvalidOperationException("boom: internal detail 0xDEADBEEF");
        }
    }

    private static (RefoldSession Session, LogCapture Logs, ThrowingHandler Handler, ServiceProvider Services) Build(Surface surface, RefoldCredential credential)
    {
        var logs = new LogCapture();
        var handler = new ThrowingHandler();
        var services = new ServiceCollection();
        services.AddRefoldClient(o => o.BaseUrl = new Uri("http://127.0.0.1:9")).ConfigurePrimaryHttpMessageHandler(() => handler);
        var provider = services.BuildServiceProvider();
        var logger = LoggerFactory.Create(l => l.AddProvider(logs)).CreateLogger("test");
        var session = new RefoldSession(provider.GetRequiredService<RefoldClientFactory>().Create(credential), new ToolSets(surface).For(credential), logger);
        return (session, logs, handler, provider);
    }

    [Fact]
    public async Task RunAsync_UnexpectedException_GenericErrorResultAndLogged()
    {
        var (session, logs, _, services) = Build(new Surface(), RefoldCredential.FromApiKey("tk-x"));
        await using var _ = services;

        var result = await OperationRunner.RunAsync(ToolCall.Local(session, [], CancellationToken.None), RefoldCatalog.Find("list_applications")!);

        Assert.True(result.IsError);
        Assert.Equal("INTERNAL_ERROR", result.Structured().Str("error_code"));
        Assert.DoesNotContain("DEADBEEF", result.Text(), StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Contains("DEADBEEF", StringComparison.Ordinal) && l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ReadOnlySurfaceWritingOperation_RefusedBeforeSending()
    {
        var (session, _, handler, services) = Build(new Surface { ReadOnly = true }, RefoldCredential.FromApiKey("tk-x"));
        await using var _ = services;

        var result = await OperationRunner.RunAsync(ToolCall.Local(session, new JsonObject { ["account_id"] = "a" }, CancellationToken.None), RefoldCatalog.Find("create_linked_account")!);

        Assert.True(result.IsError);
        Assert.Equal("READ_ONLY_MODE", result.Structured().Str("error_code"));
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task RunAsync_SessionTokenOrgOperation_RefusedBeforeSending()
    {
        var (session, _, handler, services) = Build(new Surface { Mode = ToolMode.All }, RefoldCredential.FromSessionToken("h.e30.s"));
        await using var _ = services;

        var result = await OperationRunner.RunAsync(ToolCall.Local(session, new JsonObject { ["linked_account_id"] = "a" }, CancellationToken.None), RefoldCatalog.Find("generate_session_token")!);

        Assert.True(result.IsError);
        Assert.Equal("ORG_KEY_REQUIRED", result.Structured().Str("error_code"));
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task RunAsync_OutsideToolsets_RefusedNamingTheToolset()
    {
        var (session, _, handler, services) = Build(new Surface { Mode = ToolMode.All, Toolsets = new HashSet<string> { "webhooks" } }, RefoldCredential.FromApiKey("tk-x"));
        await using var _ = services;

        var result = await OperationRunner.RunAsync(ToolCall.Local(session, [], CancellationToken.None), RefoldCatalog.Find("list_applications")!);

        Assert.Equal("OPERATION_NOT_ENABLED", result.Structured().Str("error_code"));
        Assert.Contains("applications", result.Structured().Str("message"), StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task RunAsync_DestructiveWithoutClient_ConfirmationUnavailableNamingOptionNothingSent()
    {
        var (session, _, handler, services) = Build(new Surface { Mode = ToolMode.All }, RefoldCredential.FromApiKey("tk-x"));
        await using var _ = services;

        var result = await OperationRunner.RunAsync(ToolCall.Local(session, new JsonObject { ["linked_account_id"] = "acct_1" }, CancellationToken.None), RefoldCatalog.Find("delete_linked_account")!);

        Assert.Equal("CONFIRMATION_UNAVAILABLE", result.Structured().Str("error_code"));
        Assert.Contains("--confirm never", result.Structured().Str("hint"), StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Theory]
    [InlineData(ConfirmMode.Never, "delete_linked_account", """{"linked_account_id":"acct_1"}""", 1)]
    [InlineData(ConfirmMode.Destructive, "create_linked_account", """{"account_id":"acct_1"}""", 1)]
    [InlineData(ConfirmMode.Writes, "create_linked_account", """{"account_id":"acct_1"}""", 0)]
    public async Task RunAsync_ConfirmMode_DecidesWhichCallsMustBeAsked(ConfirmMode mode, string operation, string arguments, int sent)
    {
        var (session, _, handler, services) = Build(new Surface { Mode = ToolMode.All, Confirm = mode }, RefoldCredential.FromApiKey("tk-x"));
        await using var _ = services;

        var result = await OperationRunner.RunAsync(ToolCall.Local(session, JsonNode.Parse(arguments)!.AsObject(), CancellationToken.None), RefoldCatalog.Find(operation)!);

        // Sent: the throwing handler makes it an internal error; not sent: the confirmation could not be asked.
        Assert.Equal(sent, handler.Calls);
        Assert.Equal(sent == 0 ? "CONFIRMATION_UNAVAILABLE" : "INTERNAL_ERROR", result.Structured().Str("error_code"));
    }

    [Fact]
    public async Task RunAsync_DryRunWithSessionToken_BearerRedactedAndNothingSent()
    {
        const string token = "h.e30.secret-signature";
        var (session, _, handler, services) = Build(new Surface { Mode = ToolMode.All }, RefoldCredential.FromSessionToken(token));
        await using var _ = services;

        var result = await OperationRunner.RunAsync(ToolCall.Local(session, new JsonObject { ["workflowId"] = "wf 1", ["slug"] = "hubspot", ["payload"] = new JsonObject { ["email"] = "pat@example.com" }, ["dry_run"] = true }, CancellationToken.None),
            RefoldCatalog.Find("execute_workflow")!);

        Assert.False(result.IsError, result.Text());
        var request = result.Structured().GetProperty("request");
        Assert.Equal("POST", request.Str("method"));
        Assert.Equal("http://127.0.0.1:9/api/v2/public/workflow/wf%201/execute", request.Str("url"));
        Assert.Equal("pat@example.com", request.GetProperty("body").Str("email"));
        Assert.Equal(RequestPreview.Redacted, request.GetProperty("headers").Str("Authorization"));
        Assert.DoesNotContain("secret-signature", result.Text(), StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }

    [Theory]
    [InlineData("create_linked_account", "\"yes\"", "must be a boolean")]
    [InlineData("list_applications", "true", "unknown argument 'dry_run'")]
    public async Task RunAsync_DryRunBadOrOnARead_ErrorNamesDryRun(string operation, string value, string problem)
    {
        var (session, _, handler, services) = Build(new Surface { Mode = ToolMode.All }, RefoldCredential.FromApiKey("tk-x"));
        await using var _ = services;
        var arguments = JsonNode.Parse($$"""{"account_id":"a","dry_run":{{value}}}""")!.AsObject();
        if (operation == "list_applications")
        {
            arguments.Remove("account_id");
        }

        var result = await OperationRunner.RunAsync(ToolCall.Local(session, arguments, CancellationToken.None), RefoldCatalog.Find(operation)!);

        Assert.Equal("dry_run", result.Structured().Str("argument"));
        Assert.Contains(problem, result.Structured().Str("message"), StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }
}
