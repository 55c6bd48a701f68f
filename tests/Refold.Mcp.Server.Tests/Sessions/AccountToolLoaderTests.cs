using Refold.Api.Client;
using Refold.Emulator;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests.Sessions;

/// <summary>
/// The account-tool reads go the way a tool's calls go (the runner, and the workflow list <c>run_workflow</c> pages
/// through), so a session sees the workflows <c>run_workflow</c> would find, not only those of a first page.
/// </summary>
public sealed class AccountToolLoaderTests
{
    private const int Decoys = 101;

    [Fact]
    public async Task WorkflowTools_EnabledWorkflowPastTheFirstHundred_IsListed()
    {
        await using var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions { RateLimit = new RateLimitOptions { Enabled = false }, TimeProvider = new ScaledTimeProvider(100) });
        var setupOptions = new ServerOptions { Surface = new Surface { Confirm = ConfirmMode.Never } };
        await using (var setup = await InMemoryServer.StartAsync(emulator.BaseUrl, RefoldCredential.FromApiKey(emulator.ApiKey), setupOptions, "2025-11-25"))
        {
            // More of Globex's published private workflows than one page of 100 ahead of the one enabled for it.
            for (var i = 0; i < Decoys; i++)
            {
                await PublishAsync(setup, $"Decoy {i:000}");
            }

            var target = await PublishAsync(setup, "Paged target");
            var enabled = await setup.Client.CallAsync("call_write_operation",
                $$$"""{"name":"toggle_config_workflow","arguments":{"slug":"hubspot","configId":"{{{DemoOrg.GlobexAccount}}}","workflowId":"{{{target}}}","enabled":true,"linked_account_id":"{{{DemoOrg.GlobexAccount}}}"}}""");
            Assert.False(enabled.IsError, enabled.Text());
        }

        var options = new ServerOptions { AccountTools = new AccountToolOptions(true, false, AccountToolOptions.DefaultMax) };
        await using var server = await InMemoryServer.StartAsync(emulator.BaseUrl, RefoldCredential.FromApiKey(emulator.ApiKey, DemoOrg.GlobexAccount), options, "2025-11-25");

        var names = (await server.Client.ListToolsAsync()).Select(t => t.Name).Where(n => n.StartsWith(WorkflowTool.Prefix, StringComparison.Ordinal)).ToList();

        Assert.Equal(["wf_paged_target"], names);
    }

    // Creates a private workflow of Globex on HubSpot and publishes it; returns the published workflow's id.
    private static async Task<string> PublishAsync(InMemoryServer setup, string name)
    {
        var created = await setup.Client.CallAsync("call_write_operation", $$$"""{"name":"create_workflow","arguments":{"name":"{{{name}}}","slug":"hubspot","linked_account_id":"{{{DemoOrg.GlobexAccount}}}"}}""");
        Assert.False(created.IsError, created.Text());
        var draft = created.Structured().GetProperty("workflow").Str("_id");
        var published = await setup.Client.CallAsync("call_destructive_operation", $$$"""{"name":"publish_workflow","arguments":{"workflowId":"{{{draft}}}","published":true,"linked_account_id":"{{{DemoOrg.GlobexAccount}}}"}}""");
        Assert.False(published.IsError, published.Text());
        return published.Structured().Str("_id")!;
    }
}
