using System.Text.Json;
using Json.Schema;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// Every successful structuredContent the emulator's answers give conforms to the outputSchema its tool lists: the
/// composite and catalog tools, a fields projection, a dry run and a result cut to the budget, through a real MCP
/// client. (Every operation's own result is checked against its schema in the emulator's response contract tests.)
/// </summary>
public sealed class OutputSchemaTests
{
    private static async Task<(Upstream Upstream, InMemoryServer Server)> StartAsync(Surface surface)
    {
        var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        var server = await InMemoryServer.StartAsync(upstream.BaseUrl, upstream.DemoCredential,
            new ServerOptions { Surface = surface with { Confirm = ConfirmMode.Never } });
        return (upstream, server);
    }

    [Fact]
    public async Task CallTool_EveryKindOfResult_ConformsToTheToolsOutputSchema()
    {
        var (upstream, server) = await StartAsync(new Surface { Mode = ToolMode.All });
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;
        var tools = (await server.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);
        var executions = await server.Client.CallAsync("list_executions", """{"linked_account_id":"acct_globex"}""");
        var executionId = executions.Structured().GetProperty("docs")[0].Str("_id");

        var calls = new (string Tool, string Arguments)[]
        {
            ("list_linked_accounts", "{}"),
            ("get_linked_account", """{"linked_account_id":"acct_globex"}"""),
            ("list_applications", """{"linked_account_id":"acct_globex"}"""),
            ("list_workflows", """{"linked_account_id":"acct_globex"}"""),
            ("list_executions", """{"linked_account_id":"acct_globex","fields":["status","nope"]}"""),
            ("get_execution", $$"""{"execution_id":"{{executionId}}","linked_account_id":"acct_globex"}"""),
            ("wait_for_execution", $$"""{"execution_id":"{{executionId}}","linked_account_id":"acct_globex","timeout_s":1}"""),
            ("run_workflow", """{"workflow":"Announce paid invoice","linked_account_id":"acct_globex","input":{"invoice_id":"in_1","amount":5,"customer":"cus_1"}}"""),
            ("list_waiting_human_tasks", "{}"),
            ("create_linked_account", """{"account_id":"acct_schema","name":"Schema","dry_run":true}"""),
            ("create_linked_account", """{"account_id":"acct_schema","name":"Schema"}"""),
            ("generate_session_token", """{"linked_account_id":"acct_schema"}"""),
            ("list_webhooks", "{}"),
        };

        foreach (var (tool, arguments) in calls)
        {
            var result = await server.Client.CallAsync(tool, arguments);

            Assert.False(result.IsError, $"{tool}: {result.Text()}");
            AssertConforms(tools[tool], result);
        }
    }

    [Fact]
    public async Task CallTool_CatalogToolsAndACutResult_ConformToTheirOutputSchemas()
    {
        var (upstream, server) = await StartAsync(new Surface { Budget = new ResultBudget(300) });
        await using var ownedUpstream = upstream;
        await using var ownedServer = server;
        var tools = (await server.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        foreach (var (tool, arguments) in new[]
        {
            ("search_operations", """{"query":"schedule"}"""),
            ("describe_operation", """{"name":"list_schedules"}"""),
            ("describe_operation", """{"names":["list_schedules","get_execution"]}"""),
            ("call_read_operation", """{"name":"list_applications","arguments":{"linked_account_id":"acct_globex"}}"""),
            ("list_workflows", """{"linked_account_id":"acct_globex"}"""),
        })
        {
            var result = await server.Client.CallAsync(tool, arguments);

            Assert.False(result.IsError, $"{tool}: {result.Text()}");
            AssertConforms(tools[tool], result);
        }

        var cut = await server.Client.CallAsync("list_workflows", """{"linked_account_id":"acct_globex"}""");
        Assert.True(cut.Structured().GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public void OutputSchema_AWrongShape_IsRejected_SoTheConformanceTestCanFail()
    {
        var tool = ToolSet.Build(new Surface(), CredentialShape.OrgKey).ByName["list_linked_accounts"].ProtocolTool;

        Assert.NotEmpty(Errors(tool, """{"docs":"not an array","totalDocs":"many"}"""));
        Assert.Empty(Errors(tool, """{"docs":[{"account_id":"a"}],"truncated":true}"""));
    }

    private static void AssertConforms(Tool tool, CallToolResult result)
    {
        var errors = Errors(tool, JsonSerializer.Serialize(result.StructuredContent));
        Assert.True(errors.Count == 0, $"{tool.Name} answered {JsonSerializer.Serialize(result.StructuredContent)}\nwhich breaks its outputSchema {tool.OutputSchema}:\n{string.Join("\n", errors)}");
    }

    private static List<string> Errors(Tool tool, string instance)
    {
        Assert.True(tool.OutputSchema is { ValueKind: JsonValueKind.Object }, $"{tool.Name} has no outputSchema");
        var schema = JsonSchema.FromText(tool.OutputSchema.Value.GetRawText(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://refold.test/output/{tool.Name}/{Guid.NewGuid():N}"));
        using var document = JsonDocument.Parse(instance);
        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return evaluation.IsValid ? [] : [.. (evaluation.Details ?? []).SelectMany(d => d.Errors ?? new Dictionary<string, string>()).Select(e => $"{e.Key}: {e.Value}").DefaultIfEmpty("invalid")];
    }
}
