using System.Text;
using System.Text.RegularExpressions;
using Refold.Api.Catalog;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests.Hosting;

/// <summary>
/// What the server instructions say about where ids come from: derived from the declarations' sources, so every id said
/// once is named with its source, and no operation the surface lacks is named at all.
/// </summary>
public sealed class ServerInstructionsTests
{
    private static Surface Full { get; } = new() { Mode = ToolMode.All, IncludeDeprecated = true, IncludeInferred = true };

    public static TheoryData<string, string> SourcedIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var (source, id) in RefoldCatalog.Operations.SelectMany(o => o.Parameters).Where(p => p.Source is not null).Select(p => (p.Source!, p.Name)).Distinct())
        {
            data.Add(source, id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourcedIds))]
    public void For_FullSurface_NamesTheIdUnderItsSource(string source, string id)
    {
        var instructions = ServerInstructions.For(Full);

        var listed = Regex.Match(instructions, $@"\b{source} \(([^)]*)\)");
        Assert.True(listed.Success, $"the instructions do not name {source}'s ids: {instructions}");
        Assert.Contains(id, listed.Groups[1].Value.Split(", "));
    }

    public static TheoryData<string> Surfaces() => ["toolsets=executions", "toolsets=tables", "read-only", "linked-accounts", "compact toolsets=schedules,webhooks"];

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void For_NarrowedSurface_NamesNoOperationItLacks(string surfaceName)
    {
        var surface = SurfaceOf(surfaceName);
        var instructions = ServerInstructions.For(surface);

        var lacked = RefoldCatalog.Operations.Where(o => !surface.OffersOrgKey(o));
        Assert.All(lacked, o => Assert.DoesNotMatch($@"\b{o.Name}\b", instructions));
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    [InlineData("full")]
    public void For_AnySurface_NamesEachIdUnderOneSource(string surfaceName)
    {
        var instructions = ServerInstructions.For(surfaceName == "full" ? Full : SurfaceOf(surfaceName));
        var sentence = Regex.Match(instructions, @"come from these operations' results: (.*?)\. ").Groups[1].Value;

        var sources = Regex.Matches(sentence, @"\b([a-z_]+) \(([^)]*)\)")
            .SelectMany(m => m.Groups[2].Value.Split(", ").Select(id => (Id: id, Source: m.Groups[1].Value)))
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} under {string.Join(" and ", g.Select(p => p.Source))}");
        Assert.True(!sources.Any(), $"an agent would have two candidates for {string.Join("; ", sources)}: {instructions}");
    }

    [Fact]
    public void For_ToolsetsWithoutTheListOperation_LeavesItsIdsOut()
    {
        // list_executions takes workflow_id, but list_workflows is in another group.
        var instructions = ServerInstructions.For(SurfaceOf("toolsets=executions"));

        Assert.Contains("list_executions (execution_id, instanceId)", instructions, StringComparison.Ordinal);
        Assert.DoesNotContain("workflow_id", instructions, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ReadOnly_LeavesOutIdsOnlyWritesTake()
    {
        var instructions = ServerInstructions.For(new Surface { Mode = ToolMode.All, ReadOnly = true });

        Assert.Contains("list_tables (table_id)", instructions, StringComparison.Ordinal);
        Assert.DoesNotContain("webhookIds", instructions, StringComparison.Ordinal);
        Assert.DoesNotContain("tableIds", instructions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ToolMode.All)]
    [InlineData(ToolMode.Compact)]
    public void For_WholeCatalog_AtMostSixHundredFiftyTokens(ToolMode mode)
    {
        var instructions = ServerInstructions.For(Full with { Mode = mode });

        var tokens = Encoding.UTF8.GetByteCount(instructions) / 4;
        Assert.True(tokens <= 650, $"the {mode} instructions are {tokens} tokens: {instructions}");
    }

    private static Surface SurfaceOf(string name) => name switch
    {
        "read-only" => new Surface { Mode = ToolMode.All, ReadOnly = true },
        "linked-accounts" => new Surface { Mode = ToolMode.All, AllowedAccounts = new HashSet<string>(["acct_globex"]) },
        _ when name.StartsWith("compact toolsets=", StringComparison.Ordinal) => new Surface { Toolsets = new HashSet<string>(name["compact toolsets=".Length..].Split(',')) },
        _ => new Surface { Mode = ToolMode.All, Toolsets = new HashSet<string>(name["toolsets=".Length..].Split(',')) },
    };
}
