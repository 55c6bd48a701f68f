namespace Refold.Api.Catalog;

/// <summary>
/// The four MCP tool annotations of an operation, declared explicitly for each one.
/// <para><see cref="ReadOnly"/>: no state changes anywhere. <see cref="Destructive"/>: can delete or
/// overwrite data, or cause writes in connected third-party systems. <see cref="Idempotent"/>: repeating
/// the call with the same arguments has no further effect (the resilience pipeline retries only these).
/// <see cref="OpenWorld"/>: the call reaches beyond Refold's own records (third-party apps, external URLs).</para>
/// </summary>
public readonly record struct ToolHints(bool ReadOnly, bool Destructive, bool Idempotent, bool OpenWorld)
{
    /// <summary>Reads Refold records only.</summary>
    public static ToolHints Read => new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: false);

    /// <summary>Creates something new; a repeat creates another.</summary>
    public static ToolHints Create => new(ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: false);

    /// <summary>Sets state to a given value; a repeat changes nothing more.</summary>
    public static ToolHints Update => new(ReadOnly: false, Destructive: false, Idempotent: true, OpenWorld: false);

    /// <summary>Overwrites or removes data; a repeat changes nothing more.</summary>
    public static ToolHints Delete => new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: false);

    /// <summary>Runs something that may write to connected third-party systems; never repeated automatically.</summary>
    public static ToolHints Run => new(ReadOnly: false, Destructive: true, Idempotent: false, OpenWorld: true);
}
