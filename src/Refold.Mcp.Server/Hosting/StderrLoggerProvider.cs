using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// Every log entry as one line on stderr, written synchronously (nothing queued, so nothing is lost when the process
/// exits): <c>HH:mm:ss.fff info: Category[EventId] message</c> in UTC, an exception on the same line. Levels and
/// filters are the logging builder's. Cheaper to start than the console logger, whose options monitors and formatters
/// Native AOT builds at run time.
/// </summary>
[ProviderAlias("Stderr")]
public sealed class StderrLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, StderrLogger> _loggers = new(StringComparer.Ordinal);
    private readonly TextWriter _writer;
    private readonly TimeProvider _clock;

    /// <param name="writer">Null for the process's stderr; tests pass their own.</param>
    public StderrLoggerProvider(TextWriter? writer = null, TimeProvider? clock = null)
    {
        _writer = writer ?? Console.Error;
        _clock = clock ?? TimeProvider.System;
    }

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, name => new StderrLogger(name, _writer, _clock));

    public void Dispose() => _writer.Flush();
}
