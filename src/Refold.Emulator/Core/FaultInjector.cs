using Refold.Api.Catalog;

namespace Refold.Emulator.Core;

/// <summary>Decides, request by request, which configured fault (if any) to inject. Deterministic for a given seed.</summary>
public sealed class FaultInjector(FaultOptions options)
{
    private readonly Random _random = options.Seed is { } seed ? new Random(seed) : new Random();
    private int _stormLeft;

    /// <summary>One decision: added latency, and at most one of drop, 5xx status, 429 or drop after applying.</summary>
    public readonly record struct Decision(TimeSpan Latency, bool Drop, int? ErrorStatus, bool RateLimited, bool DropAfter = false);

    public Decision Next(Operation operation)
    {
        if (!options.Any || (options.Operations is { Count: > 0 } only && !only.Contains(operation.Name)))
        {
            return default;
        }

        lock (_random)
        {
            if (_stormLeft > 0)
            {
                _stormLeft--;
                return new Decision(options.Latency, false, null, true);
            }

            // Always draw the same numbers per request, so one seed gives one sequence whatever is configured.
            double drop = _random.NextDouble(), error = _random.NextDouble(), storm = _random.NextDouble();
            var status = s_statuses[_random.Next(s_statuses.Length)];
            var dropAfter = _random.NextDouble();
            if (drop < options.DropRate)
            {
                return new Decision(options.Latency, true, null, false);
            }

            if (error < options.ErrorRate)
            {
                return new Decision(options.Latency, false, status, false);
            }

            if (storm < options.StormRate)
            {
                _stormLeft = options.StormLength - 1;
                return new Decision(options.Latency, false, null, true);
            }

            return new Decision(options.Latency, false, null, false, dropAfter < options.DropAfterRate);
        }
    }

    private static readonly int[] s_statuses = [500, 502, 503];
}
