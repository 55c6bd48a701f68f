using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tools;

/// <summary>Which operations ask the human before they run (<c>--confirm</c>).</summary>
public enum ConfirmMode
{
    /// <summary>Operations that delete, replace or revoke something (<see cref="ToolHints.Destructive"/>); the default.</summary>
    Destructive,

    /// <summary>Every operation that changes anything.</summary>
    Writes,

    /// <summary>Nothing asks: the operator takes responsibility (for clients that can confirm nothing, such as the CLI).</summary>
    Never,
}
