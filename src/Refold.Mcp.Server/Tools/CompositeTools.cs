using Refold.Api.Catalog;
using Refold.Mcp.Server.Jobs;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Every composite tool of the server, with how to build it for a tool set. A session gets one when it may call
/// every operation the composite sends (its toolsets, read-only mode and credential all apply).
/// </summary>
public static class CompositeTools
{
    public static IReadOnlyList<(CompositeTool Declaration, Func<ToolSet, RefoldTool> Create)> All { get; } =
    [
        (RunWorkflowTool.Declared, set => new RunWorkflowTool(set)),
        (WaitForExecutionTool.Declared, set => new WaitForExecutionTool(set)),
        (ListWaitingHumanTasksTool.Declared, set => new ListWaitingHumanTasksTool(set)),
    ];

    /// <summary>The composites <paramref name="set"/> reaches, in declaration order.</summary>
    public static IEnumerable<RefoldTool> For(ToolSet set) =>
        All.Where(c => c.Declaration.Calls.All(set.Reaches)).Select(c => c.Create(set));
}
