using System.Text.Json;
using Json.Schema;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Emulator.Tests;

/// <summary>
/// For every operation the response contract tests call, the emulator's answer, wrapped as the MCP server wraps a
/// successful result, conforms to the outputSchema that operation's tool lists.
/// </summary>
public sealed class OutputSchemaConformanceTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    public static TheoryData<string> Cases() => [.. ResponseContractTests.s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HappyPathResult_ConformsToToolOutputSchema(string name)
    {
        var operation = RefoldCatalog.Find(name)!;
        await using var f = await emulator.FreshOrgAsync();
        var (caller, args) = ResponseContractTests.s_cases[name];
        RefoldClient client = caller == ResponseContractTests.As.Org ? f.Org(DemoOrg.GlobexAccount) : f.Session(await f.TokenForAsync(DemoOrg.GlobexAccount));
        var structured = ToolResults.Success(await client.SendAsync(operation, args())).StructuredContent!.Value;

        var schema = JsonSchema.FromText(OutputSchema.Of(operation).ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://refold.test/output/{name}"));
        var evaluation = schema.Evaluate(structured, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, $"{name} answered {structured.GetRawText()}\nwhich breaks its tool's outputSchema {OutputSchema.Of(operation).ToJsonString()}:\n" +
            string.Join("\n", (evaluation.Details ?? []).SelectMany(d => d.Errors ?? new Dictionary<string, string>()).Select(e => $"{e.Key}: {e.Value}")));
    }

    [Fact]
    public void Cases_CoverMostOperations()
    {
        Assert.True(Cases().Count >= 80, $"only {Cases().Count} operations are called");
    }
}
