using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>An OpenTelemetry processor that lets a test await the end of a span (the server may end one after answering).</summary>
public sealed class EndedSpans : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly ConcurrentQueue<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Done)> _waiters = new();

    public override void OnEnd(Activity data)
    {
        _ended.Enqueue(data);
        foreach (var (match, done) in _waiters.Where(w => w.Match(data)))
        {
            done.TrySetResult(data);
        }
    }

    /// <summary>The first ended span matching <paramref name="match"/>, now or when it ends.</summary>
    public Task<Activity> WaitAsync(Func<Activity, bool> match)
    {
        var done = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((match, done));
        if (_ended.FirstOrDefault(match) is { } already)
        {
            done.TrySetResult(already);
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
