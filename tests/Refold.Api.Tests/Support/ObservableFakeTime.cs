using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Refold.Api.Tests.Support;

/// <summary>A fake clock that reports each timer created on it, so a test can wait until a delay is armed before advancing.</summary>
internal sealed class ObservableFakeTime() : FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T12:00:00Z", global::System.Globalization.CultureInfo.InvariantCulture))
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Completes when a timer with exactly this due time has been created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _timers.Reader.ReadAsync(cts.Token) != dueTime)
        {
        }
    }
}
