using System.Text.RegularExpressions;
using Refold.Api.Catalog;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// Descriptions written by hand that say where a value comes from ("From get_config.", "from
/// run_workflow or list_executions") name a tool an agent can call for it: an operation or composite tool of this server, no less
/// current than the tool describing it. A renamed or retired operation then fails here instead of leaving a stale
/// name in prose. Here, not in Refold.Api's ParameterSourceTests, because prose may name a composite tool.
/// </summary>
public sealed class CatalogProseTests
{
    private static readonly Regex s_namedSource = new(@"\b[Ff]rom (?<tool>[a-z]+(?:_[a-z]+)+)(?: or (?<tool>[a-z]+(?:_[a-z]+)+))*", RegexOptions.CultureInvariant);

    private static IEnumerable<ToolDeclaration> Declarations =>
        [.. RefoldCatalog.Operations, .. CompositeTools.All.Select(c => c.Declaration)];

    public static TheoryData<string> Names() => [.. Declarations.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Description_SayingFromATool_NamesACurrentTool(string name)
    {
        var declaration = Declarations.Single(d => d.Name == name);
        var named = declaration.Parameters.Select(p => (Where: $"{name}.{p.Name}", Text: p.Description))
            .Prepend((Where: name, Text: declaration.Description))
            .SelectMany(t => s_namedSource.Matches(t.Text).SelectMany(m => m.Groups["tool"].Captures.Select(c => (t.Where, Tool: c.Value))));

        Assert.All(named, n =>
        {
            var source = Declarations.FirstOrDefault(d => d.Name == n.Tool);
            Assert.True(source is not null, $"{n.Where} says 'from {n.Tool}', which is no tool of this server");
            Assert.True(IsCurrent(source) || !IsCurrent(declaration),
                $"{n.Where} says 'from {n.Tool}', which is deprecated or inferred (listed only with --include-deprecated/--include-inferred): name a current tool");
        });
    }

    private static bool IsCurrent(ToolDeclaration declaration) => declaration is not Operation { Deprecated: true } and not Operation { Inferred: true };
}
