using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests.Cli;

/// <summary><c>describe</c> of a paged tool shows page and limit (which tool schemas leave out) with their defaults, marked as paging.</summary>
public sealed class DescribePagingTests
{
    private static readonly ToolSet OrgKey = new ToolSets(new Surface()).For(CredentialShape.OrgKey);

    private static string Describe(string name)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, CliCommands.Describe(OrgKey, name, output, error));
        return output.ToString().ReplaceLineEndings("\n");
    }

    [Theory]
    [InlineData("list_executions")]
    [InlineData("list_workflows")]
    public void Describe_PagedOperation_PageAndLimitMarkedPagingWithTheirDefaults(string name)
    {
        var output = Describe(name);

        Assert.Matches(@"\n  page +integer, optional, paging\n +Page number, from 1 \(default 1\)\.\n", output);
        Assert.Matches(@"\n  limit +integer, optional, paging\n +Items per page \(default 10\)\.\n", output);
    }

    [Fact]
    public void Describe_PagedWithItsOwnListedLimit_ThatLimitOnceMarkedPaging()
    {
        var output = Describe("get_dataref");

        Assert.Matches(@"\n  limit +integer, optional, paging\n +Records per page \(default 100\)\.\n", output);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, @"\n  limit "));
        Assert.Matches(@"\n  page +integer, optional, paging\n", output);
    }

    [Fact]
    public void Describe_UnpagedOperation_NoPagingArguments()
    {
        var output = Describe("get_execution");

        Assert.DoesNotContain("paging", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\n  (page|limit) ", output);
    }
}
