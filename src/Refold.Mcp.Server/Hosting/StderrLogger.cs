using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Refold.Mcp.Server.Hosting;

/// <summary>One category's logger of <see cref="StderrLoggerProvider"/>: formats an entry as one line and queues it for stderr.</summary>
internal sealed class StderrLogger(string category, StderrLogQueue queue, TimeProvider clock) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        if (string.IsNullOrEmpty(message) && exception is null)
        {
            return;
        }

        // One line per entry, queued whole: lines from several threads never interleave.
        queue.Add(Format(clock.GetUtcNow(), logLevel, category, eventId.Id, exception is null ? message : message + " " + exception));
    }

    /// <summary><c>HH:mm:ss.fff level: Category[EventId] message</c>, on one line.</summary>
    public static string Format(DateTimeOffset time, LogLevel level, string category, int eventId, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{time:HH:mm:ss.fff} {Label(level)}: {category}[{eventId}] {message}").ReplaceLineEndings(" ");

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString(),
    };
}
