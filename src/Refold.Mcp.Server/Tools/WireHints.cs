using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// A tool's <see cref="ToolHints"/> as MCP annotations: all four, always, stated explicitly (the design's contract), so
/// no client has to know the specification's defaults to read them.
/// </summary>
public static class WireHints
{
    public static ToolAnnotations Of(ToolHints hints) => new()
    {
        ReadOnlyHint = hints.ReadOnly,
        DestructiveHint = hints.Destructive,
        IdempotentHint = hints.Idempotent,
        OpenWorldHint = hints.OpenWorld,
    };

    /// <summary>What <paramref name="annotations"/> say, with the specification's defaults for any hint left out (another server's tools).</summary>
    public static ToolHints Read(ToolAnnotations? annotations)
    {
        var readOnly = annotations?.ReadOnlyHint ?? false;
        return new ToolHints(
            ReadOnly: readOnly,
            Destructive: !readOnly && (annotations?.DestructiveHint ?? true),
            Idempotent: readOnly || (annotations?.IdempotentHint ?? false),
            OpenWorld: annotations?.OpenWorldHint ?? true);
    }
}
