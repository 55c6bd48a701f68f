using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Refold.Api.Client;
using Refold.Api.Operations;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

/// <summary>Refold answers whose members have another shape than documented: a tool still answers with what it can read.</summary>
public sealed class UnexpectedShapeTests
{
    [Fact]
    public async Task ListWaitingHumanTasks_RunsWithOddMembers_SkipsThemAndReportsTheReadableTask()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var upstream = builder.Build();
        upstream.MapGet(Executions.ListExecutions.Route, () => Results.Text(
            """{"docs":[{"_id":5},{"_id":"66a1f00dbeefcafe00000999","associated_workflow":"66a1f00dbeefcafe00000801","linked_account_id":"acct_odd"}],"totalDocs":2}""",
            "application/json"));
        upstream.MapGet(Executions.GetExecution.Route, () => Results.Text(
            """{"_id":"66a1f00dbeefcafe00000999","status":"RUNNING","nodes":[{"node_id":"1","node_status":3},{"node_id":"2","node_name":"Approve","node_type":"human_task","node_status":"Waiting","latest_output":{"human_task_id":"66a1f00dbeefcafe00001009"}}]}""",
            "application/json"));
        await upstream.StartAsync();

        await using var server = await InMemoryServer.StartAsync(new Uri(upstream.Urls.First()), RefoldCredential.FromApiKey("tk-odd"),
            new ServerOptions { Surface = new Surface { Mode = ToolMode.All } });
        var result = await server.Client.CallAsync("list_waiting_human_tasks", "{}");

        Assert.False(result.IsError, result.Text());
        var task = Assert.Single(result.Structured().GetProperty("tasks").EnumerateArray());
        Assert.Equal("66a1f00dbeefcafe00001009", task.Str("human_task_id"));
        Assert.Equal("66a1f00dbeefcafe00000999", task.Str("execution_id"));
        Assert.Equal(JsonValueKind.Null, task.GetProperty("workflow").ValueKind);
    }
}
