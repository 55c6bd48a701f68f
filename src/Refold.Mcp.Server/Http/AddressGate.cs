namespace Refold.Mcp.Server.Http;

/// <summary>
/// What one client address may spend on credential checks: a few checks in flight at a time, and a budget of refused
/// credentials that refills slowly. An address that spent its budget is answered 429 without asking Refold, so a
/// flood of forged credentials from one place costs Refold (and everyone else) almost nothing.
/// </summary>
public sealed class AddressGate(HttpSessionOptions options, TimeProvider time)
{
    private readonly BoundedCache<Budget> _addresses = new(options.MaxCachedCredentials);
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

    private Budget For(string address) => _addresses.GetOrAdd(address, () => new Budget(options));

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
