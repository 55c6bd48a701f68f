using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// What one client address may spend on credential checks: a few checks in flight at a time, and a budget of refused
/// credentials that refills slowly. An address that spent its budget is answered 429 without asking Refold, so a
/// flood of forged credentials from one place costs Refold (and everyone else) almost nothing. A place is an IPv6 /64
/// (what one subscriber gets, so rotating addresses inside it gains nothing) or one IPv4 address (a /24 would make
/// hundreds of unrelated users behind one carrier's NAT share a flooder's budget). At most
/// <see cref="HttpSessionOptions.MaxCachedCredentials"/> places are remembered; only a place back at its full budget
/// with no check in flight (the same as a new one) is forgotten, so pushing many places through cannot reset a
/// flooder's spent budget; while none is, new places share one overflow budget.
/// </summary>
public sealed class AddressGate(HttpSessionOptions options, TimeProvider time)
{
    /// <summary>The budget new places share while every remembered one is spent or busy.</summary>
    public const string OverflowKey = "overflow";

    private readonly ConcurrentDictionary<string, Budget> _addresses = new(StringComparer.Ordinal);
    private readonly Lock _sweep = new();
    private readonly Budget _rechecks = new(options with { ChecksInFlightPerAddress = options.RechecksInFlight });

    /// <summary>How long until <paramref name="address"/> may present another unknown credential; zero when it may now.</summary>
    public TimeSpan RetryAfter(string address) => For(address).RetryAfter(time.GetUtcNow());

    /// <summary>Waits for one of the address's check slots; dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterAsync(string address, CancellationToken cancellationToken)
    {
        var budget = For(address);
        await budget.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return budget;
    }

    /// <summary>
    /// Waits for one of the few slots background revocation rechecks share process-wide, so that the rechecks of many
    /// sessions falling due together trickle through their org's limiter instead of filling its queue.
    /// </summary>
    public async Task<IDisposable> EnterRecheckAsync()
    {
        await _rechecks.Slots.WaitAsync().ConfigureAwait(false);
        return _rechecks;
    }

    /// <summary>Spends one of the address's refusals.</summary>
    public void Refused(string address) => For(address).Spend(time.GetUtcNow());

    /// <summary>Places remembered now.</summary>
    public int Count => _addresses.Count;

    /// <summary>The place a client address counts as: its IPv6 /64, or the IPv4 address itself (IPv4-mapped IPv6 included).</summary>
    public static string PlaceOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private Budget For(string place)
    {
        if (_addresses.TryGetValue(place, out var budget))
        {
            return budget;
        }

        if (_addresses.Count >= options.MaxCachedCredentials && !MakeRoom())
        {
            place = OverflowKey;
        }

        return _addresses.GetOrAdd(place, _ => new Budget(options));
    }

    // Forgets every place back at its full budget with no check in flight; true when that made room.
    private bool MakeRoom()
    {
        lock (_sweep)
        {
            var now = time.GetUtcNow();
            foreach (var (place, budget) in _addresses)
            {
                if (place != OverflowKey && budget.IsIdle(now))
                {
                    _addresses.TryRemove(new KeyValuePair<string, Budget>(place, budget));
                }
            }

            return _addresses.Count < options.MaxCachedCredentials;
        }
    }

    private sealed class Budget(HttpSessionOptions options) : IDisposable
    {
        private double _refusals = options.RefusalsPerAddress;
        private DateTimeOffset _at = DateTimeOffset.MinValue;

        public SemaphoreSlim Slots { get; } = new(options.ChecksInFlightPerAddress);

        public TimeSpan RetryAfter(DateTimeOffset now)
        {
            lock (this)
            {
                Refill(now);
                return _refusals >= 1 ? TimeSpan.Zero : options.RefusalRefill * (1 - _refusals);
            }
        }

        public void Spend(DateTimeOffset now)
        {
            lock (this)
            {
                Refill(now);
                _refusals = Math.Max(0, _refusals - 1);
            }
        }

        public void Dispose() => Slots.Release();

        /// <summary>Back at its full budget with no check in flight: forgetting it changes nothing.</summary>
        public bool IsIdle(DateTimeOffset now)
        {
            lock (this)
            {
                Refill(now);
                return _refusals >= options.RefusalsPerAddress && Slots.CurrentCount == options.ChecksInFlightPerAddress;
            }
        }

        private void Refill(DateTimeOffset now)
        {
            if (_at != DateTimeOffset.MinValue && now > _at)
            {
                _refusals = Math.Min(options.RefusalsPerAddress, _refusals + ((now - _at) / options.RefusalRefill));
            }

            _at = now;
        }
    }
}
