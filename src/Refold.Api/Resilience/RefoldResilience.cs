using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Refold.Api.Client;

namespace Refold.Api.Resilience;

/// <summary>
/// The pipeline every Refold call passes through, one instance per upstream org:
/// retry (idempotent operations, and a 429 on any operation since Refold did not process it; jittered exponential
/// backoff, <c>Retry-After</c> honoured)
/// → circuit breaker → the org's shared rate limiter (every attempt pays a token) → per-attempt timeout.
/// </summary>
internal static class RefoldResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, RefoldOptions options, RateLimiter limiter, TimeProvider time)
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

        var breaker = new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerDuration,
        };
        var failure = breaker.ShouldHandle;

        // A 429 says the org is busy, not that Refold is down: it must not open the circuit.
        breaker.ShouldHandle = args => IsTooManyRequests(args.Outcome) || IsNotImplemented(args.Outcome)
            ? PredicateResult.False()
            : failure(args);

        pipeline
            .AddRetry(retry)
            .AddCircuitBreaker(breaker)
            .AddRateLimiter(limiter)
            .AddTimeout(options.AttemptTimeout);
    }

    private static bool IsTooManyRequests(Outcome<HttpResponseMessage> outcome) => outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;

    private static bool IsNotImplemented(Outcome<HttpResponseMessage> outcome) => outcome.Result?.StatusCode == HttpStatusCode.NotImplemented;
}
