using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Refold.Api.Diagnostics;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Observability;

/// <summary>
/// Records a tool call: its outcome and error code on the call's span and in <see cref="RefoldTelemetry.ToolCalls"/>.
/// The span is the MCP SDK's own <c>tools/call</c> span when it is listened to (it already continues the
/// <c>traceparent</c> of the request's <c>_meta</c>); otherwise this starts one, continuing that <c>traceparent</c> itself.
/// </summary>
internal static class ToolTelemetry
{
    public static async Task<CallToolResult> RunAsync(ToolCall call, string tool, Func<Task<CallToolResult>> run)
    {
        var sdkSpan = Activity.Current is { Source.Name: TelemetryExport.McpSdkName } current ? current : null;
        using var own = sdkSpan is null ? Start(call, tool) : null;
        var span = sdkSpan ?? own;
        try
        {
            var result = await run().ConfigureAwait(false);
            Record(span, tool, result.IsError == true ? "error" : "ok", result.IsError == true ? ErrorCode(result) : null);
            return result;
        }
        catch (InputRequiredException)
        {
            Record(span, tool, "input_required", null);
            throw;
        }
        catch (OperationCanceledException)
        {
            Record(span, tool, "cancelled", null);
            throw;
        }
    }

    private static Activity? Start(ToolCall call, string tool)
    {
        if (!RefoldTelemetry.Source.HasListeners())
        {
            return null;
        }

        var meta = call.Request?.Params?.Meta;
        var parent = meta?["traceparent"]?.GetValueKind() == JsonValueKind.String
            && ActivityContext.TryParse(meta["traceparent"]!.GetValue<string>(), meta["tracestate"]?.ToString(), isRemote: true, out var given)
            ? given
            : default;
        var span = RefoldTelemetry.Source.StartActivity("tools/call " + tool, ActivityKind.Server, parent);
        span?.SetTag(RefoldTelemetry.ToolTag, tool);
        return span;
    }

    private static void Record(Activity? span, string tool, string outcome, string? errorCode)
    {
        RefoldTelemetry.ToolCalls.Add(1, new(RefoldTelemetry.ToolTag, tool), new(RefoldTelemetry.OutcomeTag, outcome), new(RefoldTelemetry.ErrorTypeTag, errorCode));
        if (span is null)
        {
            return;
        }

        span.SetTag(RefoldTelemetry.OutcomeTag, outcome);
        if (errorCode is not null)
        {
            span.SetTag(RefoldTelemetry.ErrorTypeTag, errorCode);
            span.SetStatus(ActivityStatusCode.Error, errorCode);
        }
    }

    private static string? ErrorCode(CallToolResult result) =>
        result.StructuredContent is { ValueKind: JsonValueKind.Object } content && content.TryGetProperty("error_code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : "error";
}
