using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Refold.Api.Client;
using Refold.Api.Diagnostics;

namespace Refold.Api.Resilience;

/// <summary>
/// The pipeline every Refold call passes through, one instance per limiter key and operation (see <see cref="RefoldRequestOptions.PipelineKey"/>):
/// the call's overall deadline → retry (idempotent operations, and a 429 on any operation since Refold did not process
/// it; jittered exponential backoff, <c>Retry-After</c> honoured) → circuit breaker (upstream health only) → per-attempt
/// timeout. Each attempt's rate-limit permit is taken below the pipeline, right before the send (<see cref="SendPermit"/>).
/// </summary>
internal static class RefoldResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, RefoldOptions options, TimeProvider time, BreakerGauge gauge)
    {
        pipeline.TimeProvider = time;

        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldRetryAfterHeader = true,
        };
        var transient = retry.ShouldHandle;
        retry.ShouldHandle = args => options.MaxRetries > 0 && !IsNotImplemented(args.Outcome)
            && (IsTooManyRequests(args.Outcome) || RefoldRequestOptions.IsIdempotent(args.Context.GetRequestMessage()))
            ? transient(args)
            : PredicateResult.False();
        retry.OnRetry = args =>
        {
            RequestTelemetry.Of(args.Context.GetRequestMessage())?.Retried();
            return default;
        };

        var breaker = new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerDuration,
        };

        // Only what says Refold itself is unwell opens the circuit, and only a real answer from Refold closes it.
        BreakerFailures.Apply(breaker);
        gauge.Track(breaker);

        pipeline
            .AddTimeout(new TimeoutStrategyOptions { Name = DeadlineName, Timeout = options.CallDeadline })
            .AddRetry(retry)
            .AddCircuitBreaker(breaker)
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Name of the strategy that bounds a whole call, so its timeout can be told from one attempt's.</summary>
    public const string DeadlineName = "deadline";

    /// <summary>Connection failures, timeouts and the gateway answers 502, 503, 504: signs of Refold's health, not of a request's.</summary>
    internal static bool IsUpstreamFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool IsTooManyRequests(Outcome<HttpResponseMessage> outcome) => outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;

    private static bool IsNotImplemented(Outcome<HttpResponseMessage> outcome) => outcome.Result?.StatusCode == HttpStatusCode.NotImplemented;
}
