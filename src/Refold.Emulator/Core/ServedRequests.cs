using System.Collections.Concurrent;

namespace Refold.Emulator.Core;

/// <summary>
/// How many requests of each operation every org got served (authenticated and within its limit), since the emulator
/// started: what tests count to see what reached Refold, e.g. one credential check per token. Bounded by orgs × operations.
/// </summary>
public sealed class ServedRequests
{
    private readonly ConcurrentDictionary<(string Org, string Operation), long> _counts = new();

    /// <summary>Requests of <paramref name="operation"/> served to <paramref name="orgId"/>.</summary>
    public long Count(string orgId, string operation) => _counts.TryGetValue((orgId, operation), out var n) ? n : 0;

    internal void Add(string orgId, string operation) => _counts.AddOrUpdate((orgId, operation), 1, (_, n) => n + 1);
}
