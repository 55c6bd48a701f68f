using System.Threading.RateLimiting;

namespace Refold.Api.Resilience;

/// <summary>
/// A token bucket whose clock is a <see cref="TimeProvider"/>: it holds at most <c>tokenLimit</c> tokens, gains one
/// every <c>period</c>, and queues waiting callers oldest first. The framework's token bucket measures time with
/// <see cref="System.Diagnostics.Stopwatch"/>, which a fake clock cannot drive; this one can.
/// </summary>
public sealed class ClockedTokenBucket : RateLimiter
{
    private static readonly RateLimitLease s_acquired = new Lease(true, null);

    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly int _tokenLimit;
    private readonly int _queueLimit;
    private readonly ITimer _timer;
    private long _refilledAt;
    private int _tokens;
    private int _queuedPermits;
    private long _successes;
    private long _failures;
    private bool _disposed;

    /// <param name="tokenLimit">Most tokens the bucket holds: the burst.</param>
    /// <param name="period">Time to gain one token (50 ms is 20 per second).</param>
    /// <param name="queueLimit">Permits that may wait in <see cref="RateLimiter.AcquireAsync"/> before further callers are refused.</param>
    /// <param name="time">The clock.</param>
    public ClockedTokenBucket(int tokenLimit, TimeSpan period, int queueLimit, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _tokenLimit = tokenLimit;
        _period = period;
        _queueLimit = queueLimit;
        _time = time;
        _tokens = tokenLimit;
        _refilledAt = time.GetTimestamp();
        _timer = time.CreateTimer(static s => ((ClockedTokenBucket)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Refill();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _tokens,
                CurrentQueuedCount = _queuedPermits,
                TotalSuccessfulLeases = _successes,
                TotalFailedLeases = _failures,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            Refill();
            if (_queue.Count == 0 && _tokens >= permitCount)
            {
                return Grant(permitCount);
            }

            return Refuse(permitCount);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Refill();
            if (_queue.Count == 0 && _tokens >= permitCount)
            {
                return ValueTask.FromResult(Grant(permitCount));
            }

            if (_queuedPermits + permitCount > _queueLimit)
            {
                return ValueTask.FromResult(Refuse(permitCount));
            }

            var waiter = new Waiter(permitCount);
            var node = _queue.AddLast(waiter);
            _queuedPermits += permitCount;
            waiter.Registration = cancellationToken.Register(() => Cancel(node, cancellationToken));
            ArmTimer();
            return new ValueTask<RateLimitLease>(waiter.Completion.Task);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        lock (_lock)
        {
            _disposed = true;
            _timer.Dispose();
            foreach (var waiter in _queue)
            {
                waiter.Registration.Dispose();
                waiter.Completion.TrySetResult(new Lease(false, null));
            }

            _queue.Clear();
            _queuedPermits = 0;
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            Refill();
            if (_queue.Count > 0)
            {
                ArmTimer();
            }
        }
    }

    // Adds one token per whole period elapsed since the last refill (keeping the remainder of a period), never more
    // than the bucket holds, and hands them to waiting callers oldest first. A late timer (a stalled, loaded machine)
    // therefore releases at most one burst at once rather than every token it missed, which would reach Refold as a
    // burst larger than its own and draw 429s.
    private void Refill()
    {
        var periods = _time.GetElapsedTime(_refilledAt).Ticks / _period.Ticks;
        if (periods <= 0)
        {
            return;
        }

        _refilledAt += (long)(periods * _period.Ticks * (_time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
        var available = Math.Min(_tokens + periods, _tokenLimit);
        while (_queue.First is { } head && available >= head.Value.Permits)
        {
            _queue.RemoveFirst();
            _queuedPermits -= head.Value.Permits;
            available -= head.Value.Permits;
            _successes++;
            head.Value.Registration.Dispose();
            head.Value.Completion.TrySetResult(s_acquired);
        }

        _tokens = (int)available;
    }

    private void ArmTimer()
    {
        var untilNext = _period - TimeSpan.FromTicks(_time.GetElapsedTime(_refilledAt).Ticks % _period.Ticks);
        _timer.Change(untilNext <= TimeSpan.Zero ? TimeSpan.FromTicks(1) : untilNext, Timeout.InfiniteTimeSpan);
    }

    private void Cancel(LinkedListNode<Waiter> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                return;
            }

            _queue.Remove(node);
            _queuedPermits -= node.Value.Permits;
        }

        node.Value.Completion.TrySetCanceled(cancellationToken);
    }

    private RateLimitLease Grant(int permits)
    {
        if (_tokens == _tokenLimit)
        {
            // A full bucket accrues nothing: the next token is due one whole period after it stops being full.
            _refilledAt = _time.GetTimestamp();
        }

        _tokens -= permits;
        _successes++;
        return s_acquired;
    }

    private RateLimitLease Refuse(int permits)
    {
        _failures++;
        var missing = Math.Max(1, permits + _queuedPermits - _tokens);
        return new Lease(false, TimeSpan.FromTicks(_period.Ticks * missing));
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
