using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Api.Operations;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>Results over the budget: cut by whole items, text and structured content the same valid JSON, and how to get the rest.</summary>
public sealed class ResultBudgetTests
{
    private static JsonObject Page(int count, int page = 1, int limit = 50) => new()
    {
        ["docs"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode?)new JsonObject { ["_id"] = $"e{i}", ["payload"] = new string('p', 400) })]),
        ["totalDocs"] = 500,
        ["page"] = page,
        ["limit"] = limit,
        ["hasNextPage"] = true,
    };

    [Fact]
    public void Success_PageOverBudget_CutByWholeItemsWithNextPageArguments()
    {
        var budget = new ResultBudget(1_000) { Operation = Executions.ListExecutions, Arguments = new JsonObject { ["page"] = 1, ["limit"] = 50 } };

        var result = ToolResults.Success(Page(50), budget);

        var text = result.Text();
        Assert.True(text.Length <= budget.MaxBytes, $"text has {text.Length} bytes");
        var parsed = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(parsed.ToJsonString(), JsonNode.Parse(result.Structured().GetRawText())!.ToJsonString());
        Assert.True(parsed["truncated"]!.GetValue<bool>());
        var shown = parsed["docs"]!.AsArray();
        Assert.InRange(shown.Count, 1, 49);
        Assert.All(shown, d => Assert.Equal(400, d!["payload"]!.GetValue<string>().Length));
        var truncation = parsed["truncation"]!;
        Assert.Equal(shown.Count, truncation["shown"]!.GetValue<int>());
        Assert.Equal(50, truncation["of"]!.GetValue<int>());
        Assert.Equal(2, truncation["next"]!["page"]!.GetValue<int>());
        Assert.Equal(shown.Count, truncation["next"]!["limit"]!.GetValue<int>());
        Assert.Contains("fields", truncation["how_to_get_the_rest"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(500, parsed["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public void Success_LaterPageOverBudget_NextArgumentsContinueAfterTheLastItemShown()
    {
        var budget = new ResultBudget(1_000) { Operation = Executions.ListExecutions, Arguments = new JsonObject { ["page"] = 3, ["limit"] = 10 } };

        var structured = ToolResults.Success(Page(10, page: 3, limit: 10), budget).Structured();

        var shown = structured.GetProperty("docs").GetArrayLength();
        var next = structured.GetProperty("truncation").GetProperty("next");
        var (page, limit) = (next.GetProperty("page").GetInt32(), next.GetProperty("limit").GetInt32());
        Assert.Equal(20 + shown, (page - 1) * limit);
    }

    [Fact]
    public void Success_ArrayOverBudget_ItemsCutAndTextMatchesStructured()
    {
        var array = new JsonArray([.. Enumerable.Range(0, 30).Select(i => (JsonNode?)new JsonObject { ["name"] = $"w{i}", ["schema"] = new string('s', 300) })]);

        var result = ToolResults.Success(array, new ResultBudget(800));

        var structured = result.Structured();
        Assert.True(structured.GetProperty("truncated").GetBoolean());
        Assert.InRange(structured.GetProperty("items").GetArrayLength(), 1, 29);
        Assert.Equal(JsonNode.Parse(result.Text())!.ToJsonString(), JsonNode.Parse(structured.GetRawText())!.ToJsonString());
    }

    [Fact]
    public void Success_UnderBudget_Untouched()
    {
        var result = ToolResults.Success(Page(2), new ResultBudget(1_000) { Operation = Executions.ListExecutions });

        Assert.False(result.Structured().TryGetProperty("truncated", out _));
        Assert.Equal(2, result.Structured().GetProperty("docs").GetArrayLength());
    }
}
