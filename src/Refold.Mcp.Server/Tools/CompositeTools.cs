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

    /// <summary>Composites listed with --tools all only, to keep the compact tools/list under its token budget.</summary>
    public static IReadOnlySet<string> AllSurfaceOnly { get; } = new HashSet<string>(StringComparer.Ordinal) { "list_waiting_human_tasks" };

    /// <summary>The composites <paramref name="set"/> reaches, in declaration order.</summary>
    public static IEnumerable<RefoldTool> For(ToolSet set) =>
        All.Where(c => c.Declaration.Calls.All(set.Reaches) && (set.Surface.Mode == ToolMode.All || !AllSurfaceOnly.Contains(c.Declaration.Name)))
            .Select(c => c.Create(set));
}
