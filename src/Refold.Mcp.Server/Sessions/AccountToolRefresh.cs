using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Refold.Api.Catalog;
using Refold.Api.Operations;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Sessions;

/// <summary>
/// When a session's account tools are brought up to date: before every tools/list (from the cache while it is
/// fresh, see <see cref="AccountToolSource"/>), and at once after a successful call through this server that may
/// change them — a write to workflows, configs, credentials, hosted connect or linked accounts other than running a
/// workflow. Changes made elsewhere (Refold's dashboard, another server) show at the first tools/list after the
/// cache expires; there is no background polling.
/// </summary>
public static class AccountToolRefresh
{
    private static readonly HashSet<string> AffectingGroups = new(StringComparer.Ordinal)
    {
        Workflows.Group.Id, Configs.Group.Id, Credentials.Group.Id, HostedConnect.Group.Id, LinkedAccounts.Group.Id,
    };

    /// <summary>Adds the two filters that keep <see cref="AccountToolCollection"/>s current.</summary>
    public static IMcpServerBuilder WithAccountToolRefresh(this IMcpServerBuilder builder) => builder.WithRequestFilters(filters =>
    {
        filters.AddListToolsFilter(next => async (context, cancellationToken) =>
        {
            if (context.Server.ServerOptions.ToolCollection is AccountToolCollection collection)
            {
                await collection.SyncAsync(cancellationToken).ConfigureAwait(false);
            }

            return await next(context, cancellationToken).ConfigureAwait(false);
        });
        filters.AddCallToolFilter(next => async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken).ConfigureAwait(false);
            if (result.IsError != true && context.Params is { } call && context.Services?.GetService<AccountToolSources>() is { } sources)
            {
                var session = RefoldSession.Of(context);
                if (sources.For(session) is { } source && Runs(session.Tools, call).Any(Affects))
                {
                    source.Invalidate();
                    if (context.Server.ServerOptions.ToolCollection is AccountToolCollection collection)
                    {
                        await collection.SyncAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            return result;
        });
    });

    /// <summary>True when a successful call of <paramref name="operation"/> may change a session's account tools.</summary>
    public static bool Affects(Operation operation) =>
        !operation.Hints.ReadOnly && AffectingGroups.Contains(operation.Group.Id)
        && operation != Workflows.ExecuteWorkflow && operation != Workflows.ExecuteWorkflowV1;

    // The catalog operations a call of one of the session's tools may have sent.
    private static IEnumerable<Operation> Runs(ToolSet tools, CallToolRequestParams call) => tools.ByName.GetValueOrDefault(call.Name) switch
    {
        OperationTool tool => [tool.Operation],
        CompositeToolBase composite => composite.Declaration.Calls,
        CallOperationTool when call.Arguments is { } arguments && arguments.TryGetValue("name", out var name) && name.ValueKind == JsonValueKind.String
            && RefoldCatalog.Find(name.GetString()!) is { } operation => [operation],
        _ => [],
    };
}
