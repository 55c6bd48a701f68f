using System.Collections.Concurrent;

namespace Refold.Mcp.Server.Tools;

/// <summary>Where spent confirmation tickets are remembered until they expire: this process by default, Redis for replicas (<see cref="Scale.RedisTicketLedger"/>).</summary>
public class TicketLedger
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _spent = new(StringComparer.Ordinal);

    /// <summary>Spends <paramref name="nonce"/>: true the first time, false once spent, null when the ledger cannot be reached.</summary>
    public virtual Task<bool?> TrySpendAsync(string nonce, DateTimeOffset expires, DateTimeOffset now)
    {
        foreach (var (spent, until) in _spent)
        {
            if (until < now)
            {
                _spent.TryRemove(spent, out _);
            }
        }

        return Task.FromResult<bool?>(_spent.TryAdd(nonce, expires));
    }
}
