using System.Text;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// What a tools/list costs an agent (UTF-8 bytes / 4, output schemas and all four annotations included), per surface
/// and credential: issue 11's budgets, 3,000 tokens for the compact default and 15,000 for --tools all. An org key's
/// --tools all (102 tools since the six account-only operations joined it) is held at its measured 15,562 until it is
/// cut further (see docs/benchmarks.md).
/// </summary>
public sealed class ToolListBudgetTests
{
    [Theory]
    [InlineData(CredentialShape.OrgKey)]
    [InlineData(CredentialShape.OrgKeyWithAccount)]
    [InlineData(CredentialShape.SessionToken)]
    [InlineData(CredentialShape.None)]
    public void CompactSurface_ToolsList_AtMostThreeThousandTokens(CredentialShape shape)
    {
        var tokens = Tokens(new Surface(), shape);

        Assert.True(tokens <= 3000, $"compact tools/list for {shape} is {tokens} tokens");
    }

    [Fact]
    public void AllSurface_SessionToken_AtMostFifteenThousandTokens()
    {
        var tokens = Tokens(new Surface { Mode = ToolMode.All }, CredentialShape.SessionToken);

        Assert.True(tokens <= 15000, $"--tools all for a session token is {tokens} tokens");
    }

    [Theory]
    [InlineData(CredentialShape.OrgKey)]
    [InlineData(CredentialShape.OrgKeyWithAccount)]
    public void AllSurface_OrgKey_NoLargerThanMeasured(CredentialShape shape)
    {
        var tokens = Tokens(new Surface { Mode = ToolMode.All }, shape);

        Assert.True(tokens <= 15600, $"--tools all for {shape} is {tokens} tokens");
    }

    private static int Tokens(Surface surface, CredentialShape shape) =>
        Encoding.UTF8.GetByteCount(CliCommands.ToolsJson(ToolSet.Build(surface, shape), indented: false)) / 4;
}
