using System.Text;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// What a tools/list costs an agent (UTF-8 bytes / 4, output schemas and all four annotations included), per surface
/// and credential: issue 11's budgets, 3,000 tokens for the compact default and 15,000 for --tools all, an org key's
/// 102 tools included (see docs/benchmarks.md for the measured sizes).
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

    [Theory]
    [InlineData(CredentialShape.OrgKey)]
    [InlineData(CredentialShape.OrgKeyWithAccount)]
    [InlineData(CredentialShape.SessionToken)]
    public void AllSurface_ToolsList_AtMostFifteenThousandTokens(CredentialShape shape)
    {
        var tokens = Tokens(new Surface { Mode = ToolMode.All }, shape);

        Assert.True(tokens <= 15000, $"--tools all for {shape} is {tokens} tokens");
    }

    private static int Tokens(Surface surface, CredentialShape shape) =>
        Encoding.UTF8.GetByteCount(CliCommands.ToolsJson(ToolSet.Build(surface, shape), indented: false)) / 4;
}
