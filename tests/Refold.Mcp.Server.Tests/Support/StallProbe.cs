using System.Diagnostics;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// Measures how late this test process runs work: a loop on the thread pool (where the in-process emulator reads its
/// requests) and one on a thread of its own (the machine's scheduling) each ask to wake every 20 ms and record the
/// worst lateness and when. A load test prints it, so a burst the emulator saw can be told from a process that stalled.
/// </summary>
public sealed class StallProbe : IAsyncDisposable
{
    private static readonly TimeSpan s_tick = TimeSpan.FromMilliseconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly Task _pool;
    private readonly Thread _thread;

    public StallProbe()
    {
        _pool = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var before = Stopwatch.GetTimestamp();
                await Task.Delay(s_tick).ConfigureAwait(false);
                Record(ref _poolWorst, ref _poolWorstAt, before);
            }
        });
        _thread = new Thread(() =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var before = Stopwatch.GetTimestamp();
                _stop.Token.WaitHandle.WaitOne(s_tick);
                Record(ref _threadWorst, ref _threadWorstAt, before);
            }
        }) { IsBackground = true, Name = "stall probe" };
        _thread.Start();
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stalls = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(long From, long To)> _stalled = new();
    private double _poolWorst;
    private double _poolWorstAt;
    private double _threadWorst;
    private double _threadWorstAt;

    /// <summary>
    /// Each time either loop woke more than 100 ms late, as <see cref="Stopwatch"/> timestamps from when it should have
    /// woken until it did: past that a limiter rightly lets a permit go rather than send it late in a burst (the Redis
    /// limiter's tolerance is two intervals, at least 100 ms; the in-process bucket keeps at most its burst).
    /// </summary>
    public IReadOnlyList<(long From, long To)> Stalled => [.. _stalled];

    /// <summary>Worst lateness of the thread pool and of a thread of its own, in seconds, and when (seconds since the probe started).</summary>
    public override string ToString() =>
        FormattableString.Invariant($"thread pool worst {_poolWorst * 1000:F0} ms late at {_poolWorstAt:F1} s, own thread worst {_threadWorst * 1000:F0} ms late at {_threadWorstAt:F1} s; stalls over 200 ms (s:ms) {string.Join(" ", _stalls)}; GC paused the process {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms in all");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pool;
        _thread.Join();
        _stop.Dispose();
    }

    private void Record(ref double worst, ref double worstAt, long before)
    {
        var now = Stopwatch.GetTimestamp();
        var late = Stopwatch.GetElapsedTime(before, now).TotalSeconds - s_tick.TotalSeconds;
        if (late > 0.1)
        {
            _stalled.Enqueue((now - (long)(late * Stopwatch.Frequency), now));
        }

        if (late > 0.2)
        {
            _stalls.Enqueue(FormattableString.Invariant($"{Stopwatch.GetElapsedTime(_origin).TotalSeconds:F1}:{late * 1000:F0}"));
        }

        if (late > worst)
        {
            worst = late;
            worstAt = Stopwatch.GetElapsedTime(_origin).TotalSeconds;
        }
    }
}
