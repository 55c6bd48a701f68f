using Refold.Api.Catalog;

namespace Refold.Api.Tests.Catalog;

/// <summary>
/// An id's source (<see cref="Parameter.Source"/>) is data the server instructions render: it must name a real, current
/// read operation, and every id said once must have one, so a renamed list operation or a new shared id fails here
/// instead of leaving the instructions stale.
/// </summary>
public sealed class ParameterSourceTests
{
    /// <summary>Shared parameters whose fact is not where they come from (paging, config_id's default).</summary>
    private static readonly string[] s_saidOnceOtherwise = ["page", "limit", "config_id"];

    public static TheoryData<string> Names() => [.. RefoldCatalog.Operations.Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Source_OfEveryArgument_IsACurrentReadOperation(string name)
    {
        Assert.All(RefoldCatalog.Find(name)!.Parameters.Where(p => p.Source is not null), p =>
        {
            var source = RefoldCatalog.Find(p.Source!);
            Assert.True(source is not null, $"{name}.{p.Name}: its source '{p.Source}' is no operation of the catalog");
            Assert.True(source.Hints.ReadOnly && !source.Deprecated && !source.Inferred, $"{name}.{p.Name}: its source {p.Source} must be a current read-only operation");
            Assert.True(p.DescribedOnce, $"{name}.{p.Name}: an id with a source is said once, in the server instructions");
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DescribedOnce_EveryId_HasASource(string name)
    {
        Assert.All(RefoldCatalog.Find(name)!.Parameters.Where(p => p.DescribedOnce && !s_saidOnceOtherwise.Contains(p.Name)), p =>
            Assert.True(p.Source is not null, $"{name}.{p.Name} is said once but has no Source: declare it with Param.From(\"list_...\") so the server instructions name where it comes from"));
    }

    /// <summary>
    /// Every surface is a part of the catalog, so a name with one source across the whole catalog has one on every
    /// surface: the instructions never list one id under two operations, leaving an agent two candidates.
    /// </summary>
    [Fact]
    public void Source_OfEachIdName_IsOneOperation()
    {
        var ambiguous = RefoldCatalog.Operations
            .SelectMany(o => o.Parameters.Where(p => p.Source is not null).Select(p => (Operation: o.Name, p.Name, Source: p.Source!)))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Where(g => g.Select(p => p.Source).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"'{g.Key}' ({string.Join(", ", g.Select(p => $"{p.Operation} from {p.Source}"))})");

        Assert.True(!ambiguous.Any(),
            $"These ids have more than one source, so the instructions would list each under several operations: {string.Join("; ", ambiguous)}. " +
            "Give such an id a description of its own on each tool (\"The webhook's id, from list_webhooks.\") instead of Param.From.");
    }

    [Fact]
    public void From_ParameterWithItsOwnWord_KeepsItAndAddsTheSource()
    {
        var described = Param.Body("tableIds", "Table _ids", ParameterType.StringArray).From("list_tables");
        var bare = Param.Path("table_id", "").From("list_tables");

        Assert.Equal("Table _ids (from list_tables).", described.Description);
        Assert.Equal("From list_tables.", bare.Description);
        Assert.True(bare.DescribedOnce);
        Assert.Equal("list_tables", bare.Source);
    }
}
