using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using Refold.Api.Client;
using Refold.Api.Operations;
using Refold.Emulator;
using Refold.Emulator.Core;
using Refold.Emulator.State;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// Writes whose answer is lost after the emulator applied them, and a 429 on a workflow run, through the real MCP
/// server: the agent is told the outcome is unknown and how to check, never to repeat, and nothing runs twice.
/// </summary>
public sealed class UnknownOutcomeTests
{
    [Fact]
    public async Task CreateLinkedAccount_AnswerLostAfterApplying_IsUnknownNotRetryableAndCreatedOnce()
    {
        await using var emulator = await StartEmulatorAsync(f =>
        {
            f.DropAfterRate = 1;
            f.Operations = [LinkedAccounts.CreateLinkedAccount.Name];
        });
        await using var server = await StartServerAsync(emulator);

        var result = await server.Client.CallAsync("create_linked_account", """{"account_id":"acct_lost_answer","name":"Lost Answer Co"}""");
        var error = result.Structured();

        Assert.True(result.IsError);
        Assert.Equal("unknown", error.Str("outcome"));
        Assert.False(error.GetProperty("retryable").GetBoolean());
        Assert.Contains("""get_linked_account with linked_account_id="acct_lost_answer" """, error.Str("hint"), StringComparison.Ordinal);
        Assert.DoesNotContain("then repeat", result.Text(), StringComparison.Ordinal);
        Assert.Single(Collection(emulator, Collections.LinkedAccounts).Find(a => a["account_id"]?.GetValue<string>() == "acct_lost_answer"));

        // Following the hint finds the account the lost call created.
        var check = await server.Client.CallAsync("get_linked_account", """{"linked_account_id":"acct_lost_answer"}""");
        Assert.False(check.IsError, check.Text());
        Assert.Equal("Lost Answer Co", check.Structured().Str("name"));
    }

    [Fact]
    public async Task ExecuteWorkflow_AnswerLostAfterApplying_IsUnknownNotRetryableAndRunsOnce()
    {
        await using var emulator = await StartEmulatorAsync(f =>
        {
            f.DropAfterRate = 1;
            f.Operations = [Workflows.ExecuteWorkflow.Name];
        });
        await using var server = await StartServerAsync(emulator);
        var (workflowId, arguments) = await AnnouncePaidInvoiceAsync(server.Client);
        var runsBefore = Collection(emulator, Collections.Executions).Count;

        var result = await server.Client.CallAsync("execute_workflow", arguments);
        var error = result.Structured();

        Assert.True(result.IsError);
        Assert.Equal("unknown", error.Str("outcome"));
        Assert.False(error.GetProperty("retryable").GetBoolean());
        Assert.Contains($"""list_executions with workflow_id="{workflowId}", linked_account_id="acct_globex", start_date=""", error.Str("hint"), StringComparison.Ordinal);
        Assert.Equal(runsBefore + 1, Collection(emulator, Collections.Executions).Count);
    }

    [Fact]
    public async Task ExecuteWorkflow_Answered429_IsRetriedAndRunsOnce()
    {
        // A seed whose first execute_workflow gets a 429 (Retry-After: 1) and whose second goes through.
        var seed = Enumerable.Range(0, 1000).First(s =>
        {
            var faults = new FaultInjector(new FaultOptions { StormRate = 0.5, StormLength = 1, Seed = s });
            return faults.Next(Workflows.ExecuteWorkflow).RateLimited && !faults.Next(Workflows.ExecuteWorkflow).RateLimited;
        });
        await using var emulator = await StartEmulatorAsync(f =>
        {
            f.StormRate = 0.5;
            f.StormLength = 1;
            f.Seed = seed;
            f.Operations = [Workflows.ExecuteWorkflow.Name];
        });
        await using var server = await StartServerAsync(emulator);
        var (_, arguments) = await AnnouncePaidInvoiceAsync(server.Client);
        var runsBefore = Collection(emulator, Collections.Executions).Count;

        var result = await server.Client.CallAsync("execute_workflow", arguments);

        Assert.False(result.IsError, result.Text());
        Assert.Equal(runsBefore + 1, Collection(emulator, Collections.Executions).Count);
        Assert.NotNull(result.Structured().Str("execution_id"));
    }

    private static async Task<RefoldEmulator> StartEmulatorAsync(Action<FaultOptions> faults)
    {
        var options = new EmulatorOptions();
        faults(options.Faults);
        return await RefoldEmulator.StartAsync(options);
    }

    // execute_workflow is destructive: the client's user confirms each run before it is sent.
    private static Task<InMemoryServer> StartServerAsync(RefoldEmulator emulator) =>
        InMemoryServer.StartAsync(emulator.BaseUrl, RefoldCredential.FromApiKey(emulator.ApiKey),
            new ServerOptions { Surface = new Tools.Surface { Mode = Tools.ToolMode.All } }, handlers: new TestUser().Handlers);

    private static DocumentCollection Collection(RefoldEmulator emulator, string name) =>
        emulator.State.PartitionForApiKey(emulator.ApiKey)!.Collection(name);

    // The seeded "Announce paid invoice" workflow and execute_workflow arguments that queue a run of it for acct_globex.
    private static async Task<(string WorkflowId, string Arguments)> AnnouncePaidInvoiceAsync(McpClient client)
    {
        var workflows = await client.CallAsync("list_workflows", "{}");
        Assert.False(workflows.IsError, workflows.Text());
        var workflow = workflows.Structured().GetProperty("docs").EnumerateArray().Single(w => w.Str("name") == "Announce paid invoice");
        var id = workflow.Str("_id")!;
        var arguments = new JsonObject
        {
            ["workflowId"] = id,
            ["slug"] = workflow.Str("slug"),
            ["linked_account_id"] = "acct_globex",
            ["payload"] = new JsonObject { ["invoice_id"] = "in_fault", ["amount"] = 120, ["customer"] = "cus_fault" },
        };
        return (id, arguments.ToJsonString());
    }
}
