using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// Every log entry as one line on stderr: <c>HH:mm:ss.fff info: Category[EventId] message</c> in UTC, an exception on
/// the same line. Lines go through a bounded queue written by one background thread (<see cref="StderrLogQueue"/>), so
/// logging never waits for a client that does not read stderr; disposing writes what is queued. Levels and filters are
/// the logging builder's. Cheaper to start than the console logger, whose options monitors and formatters Native AOT
/// builds at run time.
/// </summary>
[ProviderAlias("Stderr")]
public sealed class StderrLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, StderrLogger> _loggers = new(StringComparer.Ordinal);
    private readonly StderrLogQueue _queue;
    private readonly TimeProvider _clock;

    /// <param name="writer">Null for the process's stderr; tests pass their own.</param>
    /// <param name="capacity">Most lines waiting for the writer; beyond it the oldest are dropped and counted.</param>
    /// <param name="flushTimeout">Longest <see cref="Dispose"/> waits for the queued lines to be written (default 2 s).</param>
    public StderrLoggerProvider(TextWriter? writer = null, TimeProvider? clock = null, int capacity = StderrLogQueue.DefaultCapacity, TimeSpan? flushTimeout = null)
    {
        _clock = clock ?? TimeProvider.System;
        _queue = new StderrLogQueue(writer, _clock, capacity, flushTimeout);
    }

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, name => new StderrLogger(name, _queue, _clock));

    /// <summary>Waits until every queued line is written (at most the flush timeout).</summary>
    public void Dispose() => _queue.Dispose();
}
