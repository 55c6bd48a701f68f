using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Refold.Api.Diagnostics;

/// <summary>
/// The product's one activity source and one meter, and the name of every span, tag and instrument they carry. Both
/// are plain <c>System.Diagnostics</c> types: nothing is recorded unless a listener (the host's OpenTelemetry
/// exporter, a test) subscribes to <see cref="Name"/>.
/// </summary>
public static class RefoldTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "Refold.Mcp";

    /// <summary>Version of the activity source and of the meters.</summary>
    public static string? Version { get; } = typeof(RefoldTelemetry).Assembly.GetName().Version?.ToString(3);

    public static ActivitySource Source { get; } = new(Name, Version);

    /// <summary>The process-wide meter of every instrument but the open-breaker gauge, which is per host (see <c>BreakerGauge</c>).</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>Instrument names.</summary>
    public const string ToolCallsName = "refold.tool.calls";
    public const string UpstreamRequestsName = "refold.upstream.requests";
    public const string UpstreamThrottledName = "refold.upstream.throttled";
    public const string LimiterWaitName = "refold.limiter.wait";
    public const string OpenBreakersName = "refold.breaker.open"; // per host: see Resilience/BreakerGauge
    public const string ActiveSessionsName = "refold.sessions.active";

    /// <summary>Span of one Refold request (all its attempts): <c>refold {operation}</c>.</summary>
    public const string RequestSpanPrefix = "refold ";

    /// <summary>Tag names (OpenTelemetry's semantic conventions where one exists).</summary>
    public const string OperationTag = "refold.operation";
    public const string ToolTag = "gen_ai.tool.name";
    public const string OutcomeTag = "refold.outcome";
    public const string ErrorTypeTag = "error.type";
    public const string MethodTag = "http.request.method";
    public const string StatusTag = "http.response.status_code";
    public const string AttemptsTag = "refold.attempts";
    public const string RetriesTag = "refold.retries";
    public const string LimiterWaitTag = "refold.limiter.wait_s";
    public const string RequestIdTag = "refold.request_id";

    /// <summary>Tool calls by tool and outcome (<c>ok</c>, <c>error</c>, <c>input_required</c>, <c>cancelled</c>), with the error code.</summary>
    public static Counter<long> ToolCalls { get; } = Meter.CreateCounter<long>(ToolCallsName, "{call}", "Tool calls by tool, outcome and error code.");

    /// <summary>Attempts sent to Refold by operation and HTTP status (or <c>error.type</c> when no answer came).</summary>
    public static Counter<long> UpstreamRequests { get; } = Meter.CreateCounter<long>(UpstreamRequestsName, "{request}", "HTTP attempts sent to Refold by operation and status.");

    /// <summary>Attempts Refold answered with 429.</summary>
    public static Counter<long> UpstreamThrottled { get; } = Meter.CreateCounter<long>(UpstreamThrottledName, "{request}", "Attempts Refold answered with 429 Too Many Requests.");

    /// <summary>How long each attempt waited for a permit of its org's rate limiter.</summary>
    public static Histogram<double> LimiterWait { get; } = Meter.CreateHistogram<double>(LimiterWaitName, "s", "Time an attempt waited for its org's rate limiter.");

    /// <summary>Stateful MCP sessions being served over HTTP.</summary>
    public static UpDownCounter<long> ActiveSessions { get; } = Meter.CreateUpDownCounter<long>(ActiveSessionsName, "{session}", "MCP sessions open now.");
}
