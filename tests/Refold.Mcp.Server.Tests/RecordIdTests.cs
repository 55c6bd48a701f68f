using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// A record's <c>_id</c> is said once, in the server instructions, instead of in every outputSchema: no schema lists it,
/// and the records the emulator answers with do carry it.
/// </summary>
public sealed class RecordIdTests
{
    [Fact]
    public async Task ToolsList_RecordId_SaidOnceInInstructionsAndCarriedByRecords()
    {
        await using var upstream = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        await using var server = await InMemoryServer.StartAsync(upstream.BaseUrl, upstream.DemoCredential,
            new ServerOptions { Surface = new Surface { Mode = ToolMode.All } });

        var tools = await server.Client.ListToolsAsync();

        Assert.All(tools, t => Assert.DoesNotContain("\"_id\"", t.ProtocolTool.OutputSchema!.Value.GetRawText(), StringComparison.Ordinal));
        Assert.Contains("Refold records also carry their id as _id", server.Client.ServerInstructions!, StringComparison.Ordinal);
        foreach (var (tool, arguments, list) in new[]
        {
            ("list_linked_accounts", "{}", "docs"),
            ("list_workflows", "{}", "docs"),
            ("list_webhooks", "{}", "items"),
            ("list_schedules", """{"linked_account_id":"acct_globex"}""", "docs"),
        })
        {
            var result = await server.Client.CallAsync(tool, arguments);

            Assert.False(result.IsError, $"{tool}: {result.Text()}");
            var records = result.Structured().GetProperty(list).EnumerateArray().ToList();
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.Str("_id")), $"{tool}: a record without _id: {r}"));
        }
    }
}
