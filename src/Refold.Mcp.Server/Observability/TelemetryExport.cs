using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Refold.Api.Diagnostics;
using Refold.Mcp.Server.Hosting;

namespace Refold.Mcp.Server.Observability;

/// <summary>
/// Exports traces and metrics over OTLP when, and only when, the standard <c>OTEL_EXPORTER_OTLP_*</c> variables name
/// an endpoint: with none set nothing is registered and nothing listens, so the spans and instruments cost nothing.
/// </summary>
public static class TelemetryExport
{
    /// <summary>The MCP SDK's own source and meter: its <c>tools/call {tool}</c> span continues the <c>traceparent</c> in <c>_meta</c>.</summary>
    public const string McpSdkName = "Experimental.ModelContextProtocol";

    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string TracesEndpointVariable = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string MetricsEndpointVariable = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";
    private const string Prefix = "OTEL_";

    /// <summary>The activity sources and meters exported: the product's and the MCP SDK's.</summary>
    public static string[] Names { get; } = [RefoldTelemetry.Name, McpSdkName];

    /// <summary>
    /// Registers the OTLP exporters the environment asks for: traces when <see cref="EndpointVariable"/> or
    /// <see cref="TracesEndpointVariable"/> is set, metrics when <see cref="EndpointVariable"/> or
    /// <see cref="MetricsEndpointVariable"/> is; the other <c>OTEL_*</c> variables (headers, protocol, service name,
    /// resource attributes, export interval) reach the SDK as they are. Returns whether anything was registered.
    /// </summary>
    public static bool AddRefoldTelemetryExport(this IHostApplicationBuilder builder, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        var otel = environment.Where(v => v.Key.StartsWith(Prefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(v.Value))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var traces = otel.ContainsKey(EndpointVariable) || otel.ContainsKey(TracesEndpointVariable);
        var metrics = otel.ContainsKey(EndpointVariable) || otel.ContainsKey(MetricsEndpointVariable);
        if (!traces && !metrics)
        {
            return false;
        }

        Register(builder, otel, traces, metrics);
        return true;
    }

    // Apart, so that with no exporter configured the OpenTelemetry assemblies are not even loaded.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Register(IHostApplicationBuilder builder, Dictionary<string, string?> otel, bool traces, bool metrics)
    {
        // The stdio host starts with an empty configuration: the SDK reads its OTEL_* settings from there.
        builder.Configuration.AddInMemoryCollection(otel);
        var telemetry = builder.Services.AddOpenTelemetry();
        if (!otel.ContainsKey("OTEL_SERVICE_NAME"))
        {
            telemetry.ConfigureResource(r => r.AddService(CoreServices.ServerName, serviceVersion: CoreServices.Version));
        }

        if (traces)
        {
            telemetry.WithTracing(t => t.AddSource(Names).AddOtlpExporter());
        }

        if (metrics)
        {
            telemetry.WithMetrics(m => m.AddMeter(Names).AddOtlpExporter());
        }
    }

    /// <summary>The process's environment variables.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, string?>((string)e.Key, e.Value as string));
}
