using System.Diagnostics;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;

namespace Refold.Api.Diagnostics;

/// <summary>The span of one Refold request, <c>refold {operation}</c>: method, status, attempts, retries, limiter wait, outcome.</summary>
internal static class RequestSpan
{
    public static Activity? Start(Operation operation)
    {
        var activity = RefoldTelemetry.Source.StartActivity(RefoldTelemetry.RequestSpanPrefix + operation.Name, ActivityKind.Client);
        activity?.SetTag(RefoldTelemetry.OperationTag, operation.Name);
        activity?.SetTag(RefoldTelemetry.MethodTag, operation.Method.Method);
        return activity;
    }

    /// <summary>Copies what the pipeline learnt into <paramref name="exchange"/> and onto the span; <paramref name="error"/> null for a success.</summary>
    public static void End(Activity? activity, RequestTelemetry telemetry, RefoldExchange exchange, RefoldError? error)
    {
        exchange.Attempts = telemetry.Attempts;
        exchange.LimiterWait = telemetry.LimiterWait;
        if (error is not null)
        {
            exchange.StatusCode ??= error.StatusCode;
            exchange.RequestId ??= error.RequestId;
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag(RefoldTelemetry.StatusTag, exchange.StatusCode);
        activity.SetTag(RefoldTelemetry.AttemptsTag, telemetry.Attempts);
        activity.SetTag(RefoldTelemetry.RetriesTag, telemetry.Retries);
        activity.SetTag(RefoldTelemetry.LimiterWaitTag, telemetry.LimiterWait.TotalSeconds);
        activity.SetTag(RefoldTelemetry.RequestIdTag, exchange.RequestId);
        if (error is null)
        {
            activity.SetTag(RefoldTelemetry.OutcomeTag, "ok");
            return;
        }

        activity.SetTag(RefoldTelemetry.OutcomeTag, OutcomeName(error.Outcome));
        activity.SetTag(RefoldTelemetry.ErrorTypeTag, error.ErrorCode ?? error.Kind.ToString());
        activity.SetStatus(ActivityStatusCode.Error, error.Kind.ToString());
    }

    /// <summary>snake_case of an outcome, as tool results and audit records spell it.</summary>
    public static string OutcomeName(RefoldOutcome outcome) => outcome switch
    {
        RefoldOutcome.NotSent => "not_sent",
        RefoldOutcome.Rejected => "rejected",
        _ => "unknown",
    };
}
