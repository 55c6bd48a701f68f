using ModelContextProtocol.Server;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Sessions;

/// <summary>
/// The tool collection of one MCP session that gets account tools: the session's fixed tools plus its account
/// tools, brought up to date by <see cref="SyncAsync"/>. A sync that changes the set changes the collection once, and
/// the SDK then sends <c>notifications/tools/list_changed</c> on stateful sessions (2025-11-25; 2026-07-28 clients
/// holding <c>subscriptions/listen</c>).
/// </summary>
public sealed class AccountToolCollection : McpServerPrimitiveCollection<McpServerTool>
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, AccountTool> _current = new(StringComparer.Ordinal);

    public AccountToolCollection(RefoldSession session, AccountToolSource source)
    {
        Session = session;
        Source = source;
        foreach (var tool in session.Tools.Tools)
        {
            Add(tool);
        }
    }

    public RefoldSession Session { get; }

    public AccountToolSource Source { get; }

    /// <summary>A collection for <paramref name="session"/>: with account tools when it gets them, else its fixed tools only.</summary>
    public static async Task<McpServerPrimitiveCollection<McpServerTool>> CreateAsync(RefoldSession session, AccountToolSources? sources, CancellationToken cancellationToken)
    {
        if (sources?.For(session) is not { } source)
        {
            return session.Tools.NewCollection();
        }

        var collection = new AccountToolCollection(session, source);
        await collection.SyncAsync(cancellationToken).ConfigureAwait(false);
        return collection;
    }

    /// <summary>Replaces the account tools that changed; true when the listed set changed.</summary>
    public async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        var latest = (await Source.GetAsync(cancellationToken).ConfigureAwait(false))
            .Where(t => !Session.Tools.ByName.ContainsKey(t.Name))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var gone = _current.Values.Where(t => !latest.TryGetValue(t.Name, out var now) || now.Fingerprint != t.Fingerprint).ToList();
            var added = latest.Values.Where(t => !_current.TryGetValue(t.Name, out var was) || was.Fingerprint != t.Fingerprint).ToList();
            if (gone.Count == 0 && added.Count == 0)
            {
                return false;
            }

            using (DeferChangedEvents())
            {
                foreach (var tool in gone)
                {
                    Remove(tool);
                }

                foreach (var tool in added)
                {
                    Add(tool);
                }
            }

            _current = latest;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
