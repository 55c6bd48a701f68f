namespace Refold.Mcp.Server.Scale;

/// <summary>
/// The same reservation bucket as <see cref="SharedBucketScript"/>, in process, on a <see cref="TimeProvider"/>: a
/// replica's own bucket while Redis is unreachable. It starts empty at <c>opensAt</c> (the time up to which the shared
/// bucket had already handed out slots), so the switch-over adds no burst to what Redis granted.
/// </summary>
public sealed class ReservationBucket
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly TimeSpan _interval;
    private readonly int _burst;
    private TimeSpan _tat;

    /// <param name="opensAt">Delay from now until the bucket is empty and starts filling.</param>
    public ReservationBucket(TimeSpan interval, int burst, TimeSpan opensAt, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _time = time;
        _origin = time.GetTimestamp();
        _interval = interval;
        _burst = burst;
        _tat = (opensAt > TimeSpan.Zero ? opensAt : TimeSpan.Zero) + (interval * burst);
    }

    /// <summary>How far ahead of now the bucket is booked.</summary>
    public TimeSpan Horizon
    {
        get
        {
            lock (_lock)
            {
                var ahead = _tat - _time.GetElapsedTime(_origin);
                return ahead > TimeSpan.Zero ? ahead : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Reserves the next slot: the wait until it, or null when that would be longer than <paramref name="longestWait"/>.</summary>
    public TimeSpan? Reserve(TimeSpan longestWait)
    {
        lock (_lock)
        {
            var now = _time.GetElapsedTime(_origin);
            var tat = _tat > now ? _tat : now;
            var next = tat + _interval;
            var wait = next - (_interval * _burst) - now;
            if (wait < TimeSpan.Zero)
            {
                wait = TimeSpan.Zero;
            }

            if (wait > longestWait)
            {
                return null;
            }

            _tat = next;
            return wait;
        }
    }
}
