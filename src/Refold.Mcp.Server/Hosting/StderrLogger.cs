using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Refold.Mcp.Server.Hosting;

/// <summary>One category's logger of <see cref="StderrLoggerProvider"/>: formats an entry and writes it as one line.</summary>
internal sealed class StderrLogger(string category, TextWriter writer, TimeProvider clock) : ILogger
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

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{clock.GetUtcNow():HH:mm:ss.fff} {Label(logLevel)}: {category}[{eventId.Id}] {message}");
        if (exception is not null)
        {
            line += " " + exception;
        }

        line = line.ReplaceLineEndings(" ");

        // One write per entry under a lock: lines from several threads never interleave.
        lock (writer)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

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
