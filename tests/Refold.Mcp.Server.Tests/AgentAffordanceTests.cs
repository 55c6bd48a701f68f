using System.Text.Json;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>What an agent sees on the emulator through a real MCP client: result budgets, fields, search, describe, booleans, hints, instructions.</summary>
public sealed class AgentAffordanceTests
{
    private static async Task<(Upstream Upstream, InMemoryServer Server)> StartAsync(Surface? surface = null)
    {
        var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        var server = await InMemoryServer.StartAsync(upstream.BaseUrl, upstream.DemoCredential, new ServerOptions { Surface = surface ?? new Surface() });
        return (upstream, server);
    }

    private static List<string> Names(JsonElement search) =>
        [.. search.GetProperty("operations").EnumerateArray().Select(o => o.Str("name")!)];

    [Fact]
    public async Task ListWorkflows_OverASmallBudget_CutByWholeWorkflowsAndSaysHowToGetTheRest()
    {
        var (upstream, server) = await StartAsync(new Surface { Budget = new ResultBudget(1_000) });
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;

        var result = await server.Client.CallAsync("list_workflows", """{"limit":50}""");

        Assert.False(result.IsError, result.Text());
        Assert.True(result.Text().Length <= 4_000, $"text has {result.Text().Length} characters");
        var parsed = JsonDocument.Parse(result.Text()).RootElement;
        Assert.True(parsed.GetProperty("truncated").GetBoolean());
        var truncation = parsed.GetProperty("truncation");
        Assert.InRange(parsed.GetProperty("docs").GetArrayLength(), 1, 3);
        Assert.Equal(parsed.GetProperty("docs").GetArrayLength(), truncation.GetProperty("shown").GetInt32());
        Assert.True(truncation.GetProperty("of").GetInt32() > truncation.GetProperty("shown").GetInt32());
        Assert.Contains("list_workflows", truncation.Str("how_to_get_the_rest"), StringComparison.Ordinal);
        Assert.Equal(parsed.GetRawText(), result.Structured().GetRawText());
    }

    [Fact]
    public async Task ListExecutions_WithFields_EachRunHasOnlyThoseMembersAndCountersStay()
    {
        var (upstream, server) = await StartAsync();
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;

        var result = await server.Client.CallAsync("list_executions", """{"fields":["_id","status","associated_workflow.name","no_such_member"]}""");

        Assert.False(result.IsError, result.Text());
        var page = result.Structured();
        Assert.True(page.GetProperty("totalDocs").GetInt32() > 0);
        Assert.NotEmpty(page.GetProperty("docs").EnumerateArray());
        Assert.All(page.GetProperty("docs").EnumerateArray(), run =>
        {
            Assert.Equal(["_id", "associated_workflow", "status"], run.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(["name"], run.GetProperty("associated_workflow").EnumerateObject().Select(p => p.Name));
        });
        Assert.Equal("no_such_member", page.GetProperty("unmatched_fields")[0].GetString());
    }

    [Fact]
    public async Task CallReadOperation_FieldsNotAList_ErrorNamesFields()
    {
        var (upstream, server) = await StartAsync();
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;

        var result = await server.Client.CallAsync("call_read_operation", """{"name":"list_webhooks","arguments":{"fields":"webhook_url"}}""");

        Assert.True(result.IsError);
        Assert.Equal("fields", result.Structured().Str("argument"));
    }

    [Fact]
    public async Task ToolsList_FieldsAndDryRun_SaidOnceInInstructions()
    {
        var (upstream, server) = await StartAsync(new Surface { Mode = ToolMode.All });
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;

        var tools = await server.Client.ListToolsAsync();

        Assert.False(tools.Single(t => t.Name == "list_executions").JsonSchema.GetProperty("properties").TryGetProperty("fields", out _));
        Assert.False(tools.Single(t => t.Name == "create_linked_account").JsonSchema.GetProperty("properties").TryGetProperty("dry_run", out _));
        Assert.Contains("read-only operations take fields", server.Client.ServerInstructions!, StringComparison.Ordinal);
        Assert.Contains("a write given dry_run: true", server.Client.ServerInstructions!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchOperations_WaitForExecutionToFinish_FollowingToolOutranksStop()
    {
        var (upstream, server) = await StartAsync();
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;

        var names = Names((await server.Client.CallAsync("search_operations", """{"query":"wait for execution to finish"}""")).Structured());

        var follow = names.Contains("wait_for_execution") ? "wait_for_execution" : "get_execution";
        Assert.True(names.IndexOf(follow) >= 0 && (names.IndexOf("stop_execution") < 0 || names.IndexOf(follow) < names.IndexOf("stop_execution")),
            string.Join(", ", names));
    }

    [Fact]
    public async Task SearchOperations_SubscribeToWorkflowFailureEvents_CreateWebhookFirst()
    {
        var (upstream, server) = await StartAsync();
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;

        var names = Names((await server.Client.CallAsync("search_operations", """{"query":"subscribe to workflow failure events"}""")).Structured());

        Assert.Equal("create_webhook", names[0]);
    }

    [Fact]
    public async Task SearchOperations_IncludeSchemas_TopHitsCarryTheirInputSchema()
    {
        var (upstream, server) = await StartAsync();
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;

        var operations = (await server.Client.CallAsync("search_operations", """{"query":"pause schedule","include_schemas":true}""")).Structured().GetProperty("operations");

        Assert.Equal("pause_schedule", operations[0].Str("name"));
        Assert.Equal("object", operations[0].GetProperty("input_schema").Str("type"));
        Assert.NotEmpty(operations[0].GetProperty("input_schema").GetProperty("properties").EnumerateObject());
        Assert.Equal(SearchOperationsTool.SchemaHits, operations.EnumerateArray().Count(o => o.TryGetProperty("input_schema", out _)));
    }

    [Fact]
    public async Task DescribeOperation_SeveralNames_DescribesEachInOrder()
    {
        var (upstream, server) = await StartAsync();
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;

        var described = await server.Client.CallAsync("describe_operation", """{"names":["list_schedules","pause_schedule"]}""");
        var unknown = await server.Client.CallAsync("describe_operation", """{"names":["list_schedules","pause_everything"]}""");

        Assert.False(described.IsError, described.Text());
        Assert.Equal(["list_schedules", "pause_schedule"], described.Structured().GetProperty("operations").EnumerateArray().Select(o => o.Str("name")));
        Assert.True(unknown.IsError);
        Assert.Contains("pause_everything", unknown.Structured().Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteWorkflow_SyncExecutionAsJsonBoolean_RunsSynchronously()
    {
        var (upstream, server) = await StartAsync(new Surface { Mode = ToolMode.All, Confirm = ConfirmMode.Never });
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;
        var workflows = await server.Client.CallAsync("list_workflows", "{}");
        var workflow = workflows.Structured().GetProperty("docs").EnumerateArray().Single(w => w.Str("name") == "Announce paid invoice");

        var run = await server.Client.CallAsync("execute_workflow",
            $$$"""{"workflowId":"{{{workflow.Str("_id")}}}","slug":"{{{workflow.Str("slug")}}}","linked_account_id":"acct_globex","sync_execution":true,"payload":{"invoice_id":"in_bool","amount":5,"customer":"cus_b"}}""");

        Assert.False(run.IsError, run.Text());
        Assert.Equal("in_bool", run.Structured().GetProperty("return_value").Str("invoice_id"));
    }

    [Fact]
    public async Task GetExecution_OfAnotherAccount_404HintNamesTheLinkedAccount()
    {
        var (upstream, server) = await StartAsync();
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;
        var runs = (await server.Client.CallAsync("list_executions", """{"linked_account_id":"acct_globex","limit":1}""")).Structured();
        var id = runs.GetProperty("docs")[0].Str("_id");

        var result = await server.Client.CallAsync("get_execution", $$"""{"execution_id":"{{id}}","linked_account_id":"acct_nobody_has"}""");

        Assert.True(result.IsError);
        Assert.Equal(404, result.Structured().GetProperty("status_code").GetInt32());
        Assert.Contains("linked_account_id", result.Structured().Str("hint"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateWebhook_UnknownEventName_RefusedNamingWebhookEvents()
    {
        var (upstream, server) = await StartAsync(new Surface { Mode = ToolMode.All });
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;
        var tools = await server.Client.ListToolsAsync();

        var result = await server.Client.CallAsync("create_webhook", """{"webhook_url":"https://hooks.example.com/r","webhook_events":["Workflow Failed"]}""");

        var items = tools.Single(t => t.Name == "create_webhook").JsonSchema.GetProperty("properties").GetProperty("webhook_events").GetProperty("items");
        Assert.Contains("Workflow Errored", items.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.True(result.IsError);
        Assert.Equal("webhook_events", result.Structured().Str("argument"));
        Assert.Contains("Workflow Errored", result.Structured().Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListWaitingHumanTasks_SeededWaitingRun_ListsItsTaskAndOtherAccountsHaveNone()
    {
        var (upstream, server) = await StartAsync(new Surface { Mode = ToolMode.All });
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;

        var all = await server.Client.CallAsync("list_waiting_human_tasks");
        var other = await server.Client.CallAsync("list_waiting_human_tasks", """{"linked_account_id":"acct_initech"}""");

        Assert.False(all.IsError, all.Text());
        var task = Assert.Single(all.Structured().GetProperty("tasks").EnumerateArray());
        Assert.Equal("Refund approval", task.Str("workflow"));
        Assert.Equal("acct_globex", task.Str("linked_account_id"));
        var form = await server.Client.CallAsync("get_human_task", $$"""{"id":"{{task.Str("human_task_id")}}"}""");
        Assert.Equal("WAITING", form.Structured().Str("status"));
        Assert.False(other.IsError, other.Text());
        Assert.Empty(other.Structured().GetProperty("tasks").EnumerateArray());
    }

    [Theory]
    [InlineData(ToolMode.All, false, null)]
    [InlineData(ToolMode.Compact, false, null)]
    [InlineData(ToolMode.Compact, true, null)]
    [InlineData(ToolMode.All, false, "executions")]
    public async Task Initialize_Instructions_NameOnlyToolsTheSurfaceHas(ToolMode mode, bool readOnly, string? toolsets)
    {
        var (upstream, server) = await StartAsync(new Surface { Mode = mode, ReadOnly = readOnly, Toolsets = toolsets is null ? null : new HashSet<string>([toolsets]) });
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;
        var tools = (await server.Client.ListToolsAsync()).Select(t => t.Name).ToHashSet();

        var instructions = server.Client.ServerInstructions!;

        foreach (var catalogTool in new[] { SearchOperationsTool.ToolName, DescribeOperationTool.ToolName, CallOperationTool.ReadToolName, "run_workflow" })
        {
            Assert.Equal(tools.Contains(catalogTool), instructions.Contains(catalogTool, StringComparison.Ordinal));
        }
    }
}
