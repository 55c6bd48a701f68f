using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Refold.Mcp.Server.Hosting;

/// <summary>Logging for every mode: one line per entry, all on stderr (stdout is the stdio protocol channel).</summary>
public static class ServerLogging
{
    public static void Configure(ILoggingBuilder logging, string level, Action<ILoggingBuilder>? extra = null)
    {
        logging.ClearProviders();
        logging.Services.AddSingleton<ILoggerProvider>(_ => new StderrLoggerProvider());
        var minimum = Enum.Parse<LogLevel>(level);
        logging.SetMinimumLevel(minimum);

        // Framework chatter (per-request lines, outgoing request URLs, lifetime notices) only when asked for.
        var quiet = minimum > LogLevel.Warning ? minimum : LogLevel.Warning;
        logging.AddFilter("Microsoft.AspNetCore", minimum <= LogLevel.Debug ? minimum : quiet);
        logging.AddFilter("System.Net.Http.HttpClient", minimum <= LogLevel.Debug ? minimum : quiet);
        logging.AddFilter("Microsoft.Hosting.Lifetime", quiet);
        // Retry telemetry and the host's own start failure carry stack traces; the outcome reaches the user anyway
        // (a tool result, or Program's one-line message), so they show only when asked for.
        var detail = minimum <= LogLevel.Debug ? minimum : LogLevel.None;
        logging.AddFilter("Polly", detail);
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", detail);
        extra?.Invoke(logging);
    }
}
