using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// The emulator's request log with times: a logger provider that records when ASP.NET Core logs each request's start
/// ("Request starting ...") on the emulator, as a <see cref="Stopwatch"/> timestamp, with the request's path.
/// </summary>
public sealed class RequestClock : ILoggerProvider
{
    private const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public ConcurrentQueue<(long Timestamp, string Path)> Requests { get; } = new();

    public ILogger CreateLogger(string categoryName) => categoryName == HostingCategory ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    /// <summary>Seconds between two recorded timestamps.</summary>
    public static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private sealed class Logger(RequestClock clock) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 1 && state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                var path = values.FirstOrDefault(v => v.Key == "Path").Value?.ToString() ?? "";
                clock.Requests.Enqueue((Stopwatch.GetTimestamp(), path));
            }
        }
    }
}
