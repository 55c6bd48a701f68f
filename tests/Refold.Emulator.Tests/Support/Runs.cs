using System.Text.Json.Nodes;
using Refold.Emulator.Seed;

namespace Refold.Emulator.Tests.Support;

/// <summary>Helpers for tests that start workflow runs and follow them on the fixture's fake clock.</summary>
internal static class Runs
{
    /// <summary>Starts the workflow for the account (async unless <paramref name="sync"/>); returns the call's answer.</summary>
    public static async Task<JsonNode?> ExecuteAsync(this EmulatorFixture f, string workflowId, string slug, JsonObject? payload = null,
        string account = DemoOrg.GlobexAccount, bool sync = false)
    {
        var args = Js.O(("workflowId", workflowId), ("slug", slug), ("payload", payload ?? []));
        if (sync)
        {
            args["sync_execution"] = "true";
        }

        return await f.Org(account).SendAsync("execute_workflow", args);
    }

    /// <summary>get_execution as the account.</summary>
    public static async Task<JsonNode> RunAsync(this EmulatorFixture f, string executionId, string account = DemoOrg.GlobexAccount) =>
        (await f.Org(account).SendAsync("get_execution", Js.O(("execution_id", executionId))))!;

    /// <summary>The node_status of each node entered so far, in order.</summary>
    public static string[] NodeStatuses(this JsonNode execution) => [.. execution.A("nodes").Select(n => n.S("node_status")!)];

    /// <summary>The entered node with this node_id.</summary>
    public static JsonNode Node(this JsonNode execution, string nodeId) => execution.A("nodes").Single(n => n.S("node_id") == nodeId)!;

    /// <summary>The executions list (docs) for the account with extra query arguments.</summary>
    public static async Task<JsonArray> ExecutionsAsync(this EmulatorFixture f, JsonObject? query = null, string account = DemoOrg.GlobexAccount)
    {
        var args = query ?? [];
        args["limit"] ??= 100;
        return (await f.Org(account).SendAsync("list_executions", args)).A("docs");
    }
}
