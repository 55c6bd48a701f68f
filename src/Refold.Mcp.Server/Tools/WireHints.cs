using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// A tool's <see cref="ToolHints"/> as MCP annotations, stating only what differs from the specification's defaults
/// (<c>readOnlyHint</c> false, <c>destructiveHint</c> true, <c>idempotentHint</c> false, <c>openWorldHint</c> true).
/// Every default is the cautious reading, so a hint left out never makes a tool look safer than it is; a read-only
/// tool leaves out <c>destructiveHint</c> and <c>idempotentHint</c>, which the specification gives meaning only for
/// tools that write.
/// </summary>
public static class WireHints
{
    public static ToolAnnotations Of(ToolHints hints) => new()
    {
        ReadOnlyHint = hints.ReadOnly ? true : null,
        DestructiveHint = hints.ReadOnly || hints.Destructive ? null : false,
        IdempotentHint = !hints.ReadOnly && hints.Idempotent ? true : null,
        OpenWorldHint = hints.OpenWorld ? null : false,
    };

    /// <summary>What <paramref name="annotations"/> say, with the specification's defaults for hints left out.</summary>
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
