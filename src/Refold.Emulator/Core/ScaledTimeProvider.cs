namespace Refold.Emulator.Core;

/// <summary>
/// The system clock running <see cref="Speed"/> times faster from the moment it is made: a demo or a test watches a
/// 12-second workflow run in a fraction of the time, with every step still played in order on the emulator's clock.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _origin;
    private readonly long _originTimestamp;

    public ScaledTimeProvider(double speed, TimeProvider? inner = null)
    {
        if (!double.IsFinite(speed) || speed < 1 || speed > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The emulator's clock speed must be from 1 to 1000.");
        }

        Speed = speed;
        _inner = inner ?? System;
        _origin = _inner.GetUtcNow();
        _originTimestamp = _inner.GetTimestamp();
    }

    public double Speed { get; }

    public override DateTimeOffset GetUtcNow() => _origin + Scaled(_inner.GetElapsedTime(_originTimestamp));

    public override long GetTimestamp() => _originTimestamp + (long)((_inner.GetTimestamp() - _originTimestamp) * Speed);

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, Unscaled(dueTime), Unscaled(period)), this);

    private TimeSpan Scaled(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Speed));

    private TimeSpan Unscaled(TimeSpan emulated) =>
        emulated == Timeout.InfiniteTimeSpan || emulated <= TimeSpan.Zero ? emulated : TimeSpan.FromTicks(Math.Max(1, (long)(emulated.Ticks / Speed)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Unscaled(dueTime), clock.Unscaled(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
