using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tools;

/// <summary>What a catalog dispatcher runs; each kind is its own tool, so each keeps honest annotations.</summary>
public enum CallKind
{
    /// <summary>Operations that only read.</summary>
    Read,

    /// <summary>Operations that change something but destroy nothing.</summary>
    Write,

    /// <summary>Operations that delete, replace or revoke something (<see cref="ToolHints.Destructive"/>).</summary>
    Destructive,
}
