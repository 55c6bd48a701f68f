using System.Collections.Concurrent;
using System.Diagnostics;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// When a rate limiter had more callers than permits, read from the limiter itself: every 20 ms a probe asks how far
/// ahead it has already promised permits to callers still waiting (queued callers over the rate, or how far a
/// reservation bucket is booked past its burst). For that long after the reading every permit it issues has a caller,
/// so Refold must receive the limiter's rate; a machine too slow to bring that many calls leaves no backlog and is
/// not judged. <see cref="Judge"/> sets what Refold received against that time.
/// </summary>
public sealed class LimiterBacklog : IAsyncDisposable
{
    private static readonly TimeSpan s_every = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentQueue<(long At, TimeSpan Ahead)> _readings = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _probe;

    /// <param name="read">How long the permits already promised to waiting callers last from now (zero when nobody waits).</param>
    public LimiterBacklog(Func<ValueTask<TimeSpan>> read)
    {
        _probe = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(s_every);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var at = Stopwatch.GetTimestamp();
                _readings.Enqueue((at, await read().ConfigureAwait(false)));
            }
        });
    }

    /// <summary>
    /// The time within [<paramref name="from"/>, <paramref name="to"/>) (<see cref="Stopwatch"/> timestamps) covered by
    /// promised permits, less the stalls <paramref name="stalls"/> saw (a process the machine does not run sends
    /// nothing, and a limiter rightly lets permits go rather than send them late in a burst), and the requests Refold
    /// received in that span.
    /// </summary>
    public Saturation Judge(IEnumerable<long> upstream, long from, long to, StallProbe stalls, double rate, int burst)
    {
        var covered = new bool[(int)Math.Ceiling(Millis(from, to))];
        foreach (var (at, ahead) in _readings)
        {
            Mark(covered, Millis(from, at), Millis(from, at) + ahead.TotalMilliseconds, true);
        }

        foreach (var (start, end) in stalls.Stalled)
        {
            Mark(covered, Millis(from, start), Millis(from, end), false);
        }

        var seconds = covered.Count(c => c) / 1000.0;
        return new Saturation(seconds, Millis(from, to) / 1000, upstream.Count(t => t >= from && t < to), rate, burst);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        try
        {
            await _probe;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static double Millis(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private static void Mark(bool[] covered, double start, double end, bool value)
    {
        for (var ms = (int)Math.Max(0, Math.Floor(start)); ms < Math.Min(covered.Length, end); ms++)
        {
            covered[ms] = value;
        }
    }
}
