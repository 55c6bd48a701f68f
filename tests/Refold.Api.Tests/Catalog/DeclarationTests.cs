using System.Text.RegularExpressions;
using Refold.Api.Catalog;

namespace Refold.Api.Tests.Catalog;

/// <summary>Rules every declaration keeps, whatever Refold's documents say.</summary>
public sealed partial class DeclarationTests
{
    public static TheoryData<string> Names() => [.. RefoldCatalog.Operations.Select(o => o.Name)];

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    [Theory]
    [MemberData(nameof(Names))]
    public void Route_PlaceholdersAndPathParameters_MatchOneToOne(string name)
    {
        var op = RefoldCatalog.Find(name)!;
        var placeholders = Placeholder().Matches(op.Route).Select(m => m.Groups[1].Value).Order().ToList();
        var pathParams = op.Parameters.Where(p => p.In == ParameterLocation.Path).Select(p => p.SentAs).Order().ToList();
        Assert.Equal(placeholders, pathParams);
        Assert.All(op.Parameters.Where(p => p.In == ParameterLocation.Path), p => Assert.True(p.Required, $"{p.Name} must be required"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Declaration_IsDescribedForAnAgent(string name)
    {
        var op = RefoldCatalog.Find(name)!;
        Assert.Matches(SnakeCase(), op.Name);
        Assert.False(string.IsNullOrWhiteSpace(op.Title));
        Assert.DoesNotContain("TODO", op.Title, StringComparison.Ordinal);
        Assert.True(op.Description.Length is >= 60 and <= 600, $"{name}: description has {op.Description.Length} characters");
        Assert.DoesNotContain("TODO", op.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("INFERRED", op.Description, StringComparison.Ordinal);
        Assert.All(op.Parameters, p =>
        {
            // Empty when the name, type and enum say it all; never blank, and never for the id a path takes.
            Assert.True(p.Description.Length == 0 || !string.IsNullOrWhiteSpace(p.Description), $"{name}.{p.Name} has a blank description");
            Assert.False(p.In == ParameterLocation.Path && p.Enum is null && p.Description.Length == 0, $"{name}.{p.Name} does not say which id it takes and from where");
            Assert.DoesNotContain("INFERRED", p.Description, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("TODO", op.Group.Description, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Hints_AreConsistent(string name)
    {
        var hints = RefoldCatalog.Find(name)!.Hints;
        if (hints.ReadOnly)
        {
            Assert.False(hints.Destructive, $"{name}: a read-only operation cannot be destructive");
            Assert.True(hints.Idempotent, $"{name}: a read-only operation is idempotent");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void OutcomeCheck_OfEveryNonIdempotentOperation_NamesAReadThatTakesItsArguments(string name)
    {
        var op = RefoldCatalog.Find(name)!;
        if (op.Hints.Idempotent)
        {
            Assert.Null(op.OutcomeCheck);
            return;
        }

        var check = OutcomeCheck.Of(op);
        Assert.NotNull(check);
        Assert.False(string.IsNullOrWhiteSpace(check.LookFor), $"{name}: the check must say what to look for");
        if (check.Read is null)
        {
            Assert.Empty(check.Arguments);
            return;
        }

        var read = RefoldCatalog.Find(check.Read);
        Assert.True(read is { Hints.ReadOnly: true }, $"{name}: {check.Read} must be a read-only operation");
        var takes = read.Arguments.Select(a => a.Name).ToHashSet();
        Assert.All(check.Arguments, a =>
        {
            Assert.Contains(a.Read, takes);
            Assert.Contains(op.Arguments, x => x.Name == a.From);
        });
        Assert.True(check.Since is null || takes.Contains(check.Since), $"{name}: {check.Read} has no argument {check.Since}");
    }

    [Fact]
    public void Groups_EachHaveOperations_AndUniqueIds()
    {
        Assert.Equal(19, RefoldCatalog.Groups.Count);
        Assert.Equal(RefoldCatalog.Groups.Count, RefoldCatalog.Groups.Select(g => g.Id).Distinct().Count());
        Assert.All(RefoldCatalog.Groups, g => Assert.Contains(RefoldCatalog.Operations, o => o.Group == g));
        Assert.All(RefoldCatalog.Operations, o => Assert.Contains(o.Group, RefoldCatalog.Groups));
    }

    [Fact]
    public void SpreadParameters_AreObjects_InBodyOrQuery()
    {
        Assert.All(RefoldCatalog.Operations.SelectMany(o => o.Parameters).Where(p => p.Spread), p =>
        {
            Assert.Equal(ParameterType.Object, p.Type);
            Assert.Contains(p.In, new[] { ParameterLocation.Body, ParameterLocation.Query });
        });
    }
}
