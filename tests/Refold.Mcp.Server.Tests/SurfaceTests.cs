using System.Text;
using System.Text.Json;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>What each surface lists for each kind of credential, and the committed tools/list snapshots.</summary>
public sealed class SurfaceTests
{
    private static readonly RefoldCredential OrgKey = RefoldCredential.FromApiKey("k");
    private static readonly RefoldCredential Token = RefoldCredential.FromSessionToken("h.e30.s");

    public static TheoryData<string, Surface, CredentialShape> Surfaces()
    {
        var data = new TheoryData<string, Surface, CredentialShape>();
        foreach (var shape in Enum.GetValues<CredentialShape>())
        {
            data.Add("compact", new Surface(), shape);
            data.Add("all", new Surface { Mode = ToolMode.All }, shape);
            data.Add("all+hidden", new Surface { Mode = ToolMode.All, IncludeDeprecated = true, IncludeInferred = true }, shape);
            data.Add("compact read-only", new Surface { ReadOnly = true }, shape);
            data.Add("toolsets", new Surface { Mode = ToolMode.Compact, Toolsets = new HashSet<string> { "workflows", "executions" } }, shape);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void EveryTool_AnySurface_HasDescriptionTitleSchemasAndHonestAnnotations(string surfaceName, Surface surface, CredentialShape shape)
    {
        var set = ToolSet.Build(surface, shape);
        var json = JsonDocument.Parse(CliCommands.ToolsJson(set, indented: false));

        foreach (var tool in json.RootElement.GetProperty("tools").EnumerateArray())
        {
            var name = tool.Str("name");
            Assert.False(string.IsNullOrWhiteSpace(tool.Str("description")), $"{surfaceName}/{shape}: {name} has no description");
            Assert.False(string.IsNullOrWhiteSpace(tool.Str("title")), $"{surfaceName}/{shape}: {name} has no title");
            Assert.Equal("object", tool.GetProperty("inputSchema").Str("type"));
            Assert.True(tool.TryGetProperty("outputSchema", out var output), $"{surfaceName}/{shape}: {name} has no outputSchema");
            Assert.Equal("object", output.Str("type"));
            Assert.False(tool.GetProperty("annotations").TryGetProperty("title", out _), $"{surfaceName}/{shape}: {name} repeats its title in annotations");
        }

        // Every tool states all four hints explicitly on the wire; a declared tool's equal its declaration's.
        var declared = set.Tools.ToDictionary(t => t.Name, t => t switch
        {
            OperationTool o => o.Operation.Hints,
            CompositeToolBase c => c.Declaration.Hints,
            _ => (ToolHints?)null,
        });
        foreach (var tool in json.RootElement.GetProperty("tools").EnumerateArray())
        {
            var name = tool.Str("name")!;
            var annotations = tool.GetProperty("annotations");
            var wire = new ToolHints(
                Hint(annotations, "readOnlyHint", name), Hint(annotations, "destructiveHint", name), Hint(annotations, "idempotentHint", name), Hint(annotations, "openWorldHint", name));
            if (declared[name] is { } hints)
            {
                Assert.Equal(hints, wire);
            }
        }
    }

    private static bool Hint(JsonElement annotations, string hint, string tool)
    {
        Assert.True(annotations.TryGetProperty(hint, out var value), $"{tool} does not state {hint}");
        Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{tool}: {hint} is {value.ValueKind}");
        return value.GetBoolean();
    }

    [Theory]
    [InlineData(CredentialShape.OrgKey)]
    [InlineData(CredentialShape.SessionToken)]
    public void CompactSurface_EveryPermittedOperation_ReachableThroughCatalogTools(CredentialShape shape)
    {
        var compact = ToolSet.Build(new Surface(), shape);
        var all = ToolSet.Build(new Surface { Mode = ToolMode.All }, shape);

        Assert.Equal(all.Operations.Select(o => o.Name), compact.Operations.Select(o => o.Name));
        Assert.Contains(compact.Tools, t => t.Name == CallOperationTool.ReadToolName);
        Assert.Contains(compact.Tools, t => t.Name == CallOperationTool.WriteToolName);
        Assert.Equal(all.Operations.Count, all.Tools.OfType<OperationTool>().Count());
    }

    [Theory]
    [InlineData(ToolMode.Compact)]
    [InlineData(ToolMode.All)]
    public void CompositeTools_ListedOnEverySurfaceThatReachesTheirCalls(ToolMode mode)
    {
        var full = ToolSet.Build(new Surface { Mode = mode }, CredentialShape.SessionToken).Tools.Select(t => t.Name).ToList();
        var readOnly = ToolSet.Build(new Surface { Mode = mode, ReadOnly = true }, CredentialShape.OrgKey).Tools.Select(t => t.Name).ToList();
        var noWorkflows = ToolSet.Build(new Surface { Mode = mode, Toolsets = new HashSet<string> { "executions" } }, CredentialShape.OrgKey).Tools.Select(t => t.Name).ToList();

        Assert.Contains("run_workflow", full);
        Assert.Contains("wait_for_execution", full);
        Assert.DoesNotContain("run_workflow", readOnly);
        Assert.Contains("wait_for_execution", readOnly);
        Assert.DoesNotContain("run_workflow", noWorkflows);
        Assert.Contains("wait_for_execution", noWorkflows);
    }

    [Fact]
    public void CompactTools_AreCatalogOperations()
    {
        Assert.All(Surface.CompactTools, op => Assert.Same(op, RefoldCatalog.Find(op.Name)));
    }

    [Fact]
    public void AllSurface_SessionToken_NoOrgOnlyOperation()
    {
        var set = new ToolSets(new Surface { Mode = ToolMode.All }).For(Token);

        Assert.DoesNotContain(set.Operations, o => o.Auth == AuthLevel.Org);
        Assert.Contains(set.Operations, o => o.Auth == AuthLevel.Account);
        Assert.Contains(set.Operations, o => o.Auth == AuthLevel.Either);
    }

    [Fact]
    public void AllSurface_OrgKey_AccountOnlyOperationsTakeTheAccountToMintFor()
    {
        var set = new ToolSets(new Surface { Mode = ToolMode.All }).For(OrgKey);

        var accountOnly = set.Operations.Where(o => o.Auth == AuthLevel.Account).ToList();
        Assert.Equal(RefoldCatalog.Operations.Count(o => o.Auth == AuthLevel.Account), accountOnly.Count);
        Assert.All(accountOnly, o => Assert.Contains(o.Arguments, a => a.Name == "linked_account_id" && a.Required));
        Assert.Contains(set.Operations, o => o.Auth == AuthLevel.Org);
    }

    [Fact]
    public void DefaultSurface_DeprecatedAndInferred_HiddenUnlessAskedFor()
    {
        var hidden = ToolSet.Build(new Surface { Mode = ToolMode.All }, CredentialShape.OrgKey);
        var shown = ToolSet.Build(new Surface { Mode = ToolMode.All, IncludeDeprecated = true, IncludeInferred = true }, CredentialShape.OrgKey);

        Assert.DoesNotContain(hidden.Operations, o => o.Deprecated || o.Inferred);
        Assert.Contains(shown.Operations, o => o.Deprecated);
        Assert.Contains(shown.Operations, o => o.Inferred);
        Assert.Contains("Deprecated:", shown.ByName["execute_workflow_v1"].ProtocolTool.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOnlySurface_AllModes_NoWritingTool()
    {
        foreach (var mode in Enum.GetValues<ToolMode>())
        {
            var set = ToolSet.Build(new Surface { Mode = mode, ReadOnly = true }, CredentialShape.OrgKey);

            Assert.All(set.Tools, t => Assert.True(WireHints.Read(t.ProtocolTool.Annotations).ReadOnly));
            Assert.All(set.Operations, o => Assert.True(o.Hints.ReadOnly));
        }
    }

    [Fact]
    public void Toolsets_OnlyThoseGroups()
    {
        var set = ToolSet.Build(new Surface { Mode = ToolMode.All, Toolsets = new HashSet<string> { "schedules" } }, CredentialShape.OrgKey);

        Assert.NotEmpty(set.Tools);
        Assert.All(set.Operations, o => Assert.Equal("schedules", o.Group.Id));
    }

    [Theory]
    [InlineData(CallOperationTool.WriteToolName, false)]
    [InlineData(CallOperationTool.DestructiveToolName, true)]
    public void CallOperationTools_Annotations_DestructiveOnlyForTheDestructiveDispatcher(string name, bool destructive)
    {
        var tool = WireHints.Read(ToolSet.Build(new Surface(), CredentialShape.OrgKey).ByName[name].ProtocolTool.Annotations);

        Assert.Equal((false, destructive, false, true), (tool.ReadOnly, tool.Destructive, tool.Idempotent, tool.OpenWorld));
    }

    [Fact]
    public void InputSchema_DryRunSaidOnceShownByDescribeOnWritesOnly()
    {
        var set = ToolSet.Build(new Surface { Mode = ToolMode.All }, CredentialShape.OrgKey);

        Assert.All(set.Tools.OfType<OperationTool>(), t => Assert.False(
            t.ProtocolTool.InputSchema.GetProperty("properties").TryGetProperty(DryRun.Argument, out _), $"{t.Name} lists dry_run"));
        Assert.All(set.Operations, o => Assert.Equal(!o.Hints.ReadOnly, ResultShaping.Schema(o, accountSupplied: false)["properties"]!.AsObject().ContainsKey(DryRun.Argument)));
    }

    [Fact]
    public void InputSchema_SessionToken_LinkedAccountOptional()
    {
        var withKey = ToolSet.Build(new Surface(), CredentialShape.OrgKey).ByName["get_linked_account"];
        var delete = ToolSet.Build(new Surface { Mode = ToolMode.All }, CredentialShape.SessionToken).ByName["execute_workflow"];

        Assert.Contains("linked_account_id", withKey.ProtocolTool.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(delete.ProtocolTool.InputSchema.TryGetProperty("required", out var required)
            && required.EnumerateArray().Any(e => e.GetString() == "linked_account_id"));
    }

    [Fact]
    public void ToolSets_SameShape_SameImmutableTools()
    {
        var sets = new ToolSets(new Surface());

        Assert.Same(sets.For(OrgKey), sets.For(RefoldCredential.FromApiKey("other")));
        Assert.NotSame(sets.For(OrgKey).NewCollection(), sets.For(OrgKey).NewCollection());
    }

    [Theory]
    [InlineData("compact.org-key.json", ToolMode.Compact, CredentialShape.OrgKey)]
    [InlineData("compact.session-token.json", ToolMode.Compact, CredentialShape.SessionToken)]
    [InlineData("all.org-key.json", ToolMode.All, CredentialShape.OrgKey)]
    [InlineData("all.session-token.json", ToolMode.All, CredentialShape.SessionToken)]
    public void ToolsList_Snapshot_Unchanged(string file, ToolMode mode, CredentialShape shape)
    {
        var actual = CliCommands.ToolsJson(ToolSet.Build(new Surface { Mode = mode }, shape)).ReplaceLineEndings("\n") + "\n";
        var path = Snapshots.PathOf(file);
        if (Snapshots.Updating)
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No snapshot {path}; run with UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
