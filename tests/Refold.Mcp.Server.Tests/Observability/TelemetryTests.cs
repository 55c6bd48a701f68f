using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Refold.Api.Client;
using Refold.Api.Diagnostics;
using Refold.Emulator;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Observability;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Observability;

/// <summary>Listeners are process-wide: these tests run alone so other tests' calls do not show in their counts.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}

/// <summary>Spans and metrics as an OpenTelemetry exporter receives them (the in-memory one), through a real MCP client.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : FakeRefoldTest
{
    [Fact]
    public async Task ToolCall_TraceparentInMeta_ToolAndRefoldSpansContinueThatTrace()
    {
        var exported = new List<Activity>();
        var ended = new EndedSpans();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(TelemetryExport.Names).AddProcessor(ended).AddInMemoryExporter(exported).Build();
        ModelContextProtocol.Protocol.CallToolResult result;
        await using var server = await InMemoryServer.StartAsync(Refold.BaseUrl, RefoldCredential.FromApiKey(FakeRefold.ApiKey));
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();

        // The agent's span: the SDK's client span is its child and writes its own traceparent into the request's _meta.
        ActivitySpanId agentSpan;
        using (var agent = new Activity("agent").SetParentId(traceId, callerSpan, ActivityTraceFlags.Recorded).Start())
        {
            agentSpan = agent.SpanId;
            result = await server.Client.CallToolAsync("get_linked_account", new Dictionary<string, object?> { ["linked_account_id"] = "acct_alpha" });
        }

        Assert.False(result.IsError);
        var tool = await ended.WaitAsync(s => s.TraceId == traceId && Equals(s.GetTagItem(RefoldTelemetry.ToolTag), "get_linked_account") && s.Kind == ActivityKind.Server);
        var request = await ended.WaitAsync(s => s.TraceId == traceId && s.DisplayName == "refold get_linked_account");
        Assert.Contains(tool, exported);
        Assert.Contains(request, exported);
        var clientSpan = await ended.WaitAsync(s => s.TraceId == traceId && s.Kind == ActivityKind.Client && s.DisplayName == "tools/call get_linked_account");
        Assert.Equal(agentSpan, clientSpan.ParentSpanId);
        Assert.Equal(clientSpan.SpanId, tool.ParentSpanId);
        Assert.Equal("ok", tool.GetTagItem(RefoldTelemetry.OutcomeTag));
        Assert.Equal(tool.SpanId, request.ParentSpanId);
        Assert.Equal(ActivityKind.Client, request.Kind);
        Assert.Equal("GET", request.GetTagItem(RefoldTelemetry.MethodTag));
        Assert.Equal(200, request.GetTagItem(RefoldTelemetry.StatusTag));
        Assert.Equal(1, request.GetTagItem(RefoldTelemetry.AttemptsTag));
        Assert.Equal(0, request.GetTagItem(RefoldTelemetry.RetriesTag));
        Assert.IsType<double>(request.GetTagItem(RefoldTelemetry.LimiterWaitTag));
        Assert.StartsWith("req-get_linked_account-", (string)request.GetTagItem(RefoldTelemetry.RequestIdTag)!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolCall_RefoldNotFound_ErrorOnSpanAndCountedByToolOutcomeAndStatus()
    {
        var ended = new EndedSpans();
        var metrics = new List<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(TelemetryExport.Names).AddProcessor(ended).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(TelemetryExport.Names).AddInMemoryExporter(metrics).Build();
        await using var server = await InMemoryServer.StartAsync(Refold.BaseUrl, RefoldCredential.FromApiKey(FakeRefold.ApiKey));

        var missing = await server.Client.CallAsync("get_linked_account", $$"""{"linked_account_id":"{{FakeRefold.MissingAccount}}"}""");
        var listed = await server.Client.CallAsync("list_linked_accounts");
        meters.ForceFlush();

        Assert.True(missing.IsError);
        Assert.False(listed.IsError);
        var tool = await ended.WaitAsync(s => Equals(s.GetTagItem(RefoldTelemetry.ToolTag), "get_linked_account") && s.Kind == ActivityKind.Server);
        Assert.Equal(ActivityStatusCode.Error, tool.Status);
        Assert.Equal("error", tool.GetTagItem(RefoldTelemetry.OutcomeTag));
        Assert.Equal("RESOURCE_NOT_FOUND", tool.GetTagItem(RefoldTelemetry.ErrorTypeTag));
        Assert.Equal(1, Metrics.Sum(metrics, RefoldTelemetry.ToolCallsName, (RefoldTelemetry.ToolTag, "get_linked_account"), (RefoldTelemetry.OutcomeTag, "error"),
            (RefoldTelemetry.ErrorTypeTag, "RESOURCE_NOT_FOUND")));
        Assert.Equal(1, Metrics.Sum(metrics, RefoldTelemetry.ToolCallsName, (RefoldTelemetry.ToolTag, "list_linked_accounts"), (RefoldTelemetry.OutcomeTag, "ok")));
        Assert.Equal(1, Metrics.Sum(metrics, RefoldTelemetry.UpstreamRequestsName, (RefoldTelemetry.OperationTag, "get_linked_account"), (RefoldTelemetry.StatusTag, 404)));
        Assert.Equal(1, Metrics.Sum(metrics, RefoldTelemetry.UpstreamRequestsName, (RefoldTelemetry.OperationTag, "list_linked_accounts"), (RefoldTelemetry.StatusTag, 200)));
        Assert.Equal(2, Metrics.Count(metrics, RefoldTelemetry.LimiterWaitName, (RefoldTelemetry.OutcomeTag, "acquired")));
        // The gauge is this server's own (earlier tests' servers took theirs with them): a 404 opens no breaker.
        Assert.Equal(0, Metrics.Gauge(metrics, RefoldTelemetry.OpenBreakersName));
        Assert.Contains(metrics, m => m.Name == RefoldTelemetry.OpenBreakersName);
    }

    [Fact]
    public async Task ToolCall_RefoldAnswers429_CountedAsThrottled()
    {
        var metrics = new List<MetricSnapshot>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(TelemetryExport.Names).AddInMemoryExporter(metrics).Build();
        await using var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions { Faults = { StormRate = 1, StormLength = 1, Seed = 1 } });
        var options = CommandLine.Parse(["--retries", "0"]);
        await using var server = await InMemoryServer.StartAsync(emulator.BaseUrl, RefoldCredential.FromApiKey(emulator.ApiKey), options);

        var limited = await server.Client.CallAsync("list_linked_accounts");
        meters.ForceFlush();

        Assert.True(limited.IsError);
        Assert.Equal(429, limited.Structured().GetProperty("status_code").GetInt32());
        Assert.Equal(1, Metrics.Sum(metrics, RefoldTelemetry.UpstreamThrottledName, (RefoldTelemetry.OperationTag, "list_linked_accounts")));
        Assert.Equal(1, Metrics.Sum(metrics, RefoldTelemetry.UpstreamRequestsName, (RefoldTelemetry.OperationTag, "list_linked_accounts"), (RefoldTelemetry.StatusTag, 429)));
    }

    [Fact]
    public async Task HttpSession_Open_CountedAsActiveUntilClosed()
    {
        var metrics = new List<MetricSnapshot>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(TelemetryExport.Names).AddInMemoryExporter(metrics).Build();
        await using var http = await HttpHarness.StartAsync(new Refold.Mcp.Server.Hosting.Upstream(Refold.BaseUrl), new ServerOptions { AllowApiKeyHeader = true });

        var client = await http.ConnectAsync(new Dictionary<string, string> { ["x-api-key"] = FakeRefold.ApiKey }, protocolVersion: "2025-11-25");
        await client.ListToolsAsync();
        meters.ForceFlush();

        Assert.Equal(1, Metrics.Sum(metrics, RefoldTelemetry.ActiveSessionsName));
    }

    [Fact]
    public void Export_NoOtlpVariable_NothingRegistered_EndpointSet_TracesAndMetrics()
    {
        var none = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        var traces = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        var both = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());

        Assert.False(none.AddRefoldTelemetryExport([new("OTEL_SERVICE_NAME", "x"), new("PATH", "/bin")]));
        Assert.True(traces.AddRefoldTelemetryExport([new(TelemetryExport.TracesEndpointVariable, "http://127.0.0.1:4318/v1/traces")]));
        Assert.True(both.AddRefoldTelemetryExport([new(TelemetryExport.EndpointVariable, "http://127.0.0.1:4317")]));

        using var noneHost = none.Build();
        using var tracesHost = traces.Build();
        using var bothHost = both.Build();
        Assert.Null(noneHost.Services.GetService(typeof(TracerProvider)));
        Assert.Null(noneHost.Services.GetService(typeof(MeterProvider)));
        Assert.NotNull(tracesHost.Services.GetService(typeof(TracerProvider)));
        Assert.Null(tracesHost.Services.GetService(typeof(MeterProvider)));
        Assert.NotNull(bothHost.Services.GetService(typeof(TracerProvider)));
        Assert.NotNull(bothHost.Services.GetService(typeof(MeterProvider)));
    }
}
