using Refold.Api.Catalog;

namespace Refold.Api.Resilience;

/// <summary>What the resilience pipeline needs to know about a request, carried in its options.</summary>
internal static class RefoldRequestOptions
{
    private static readonly HttpRequestOptionsKey<bool> s_idempotent = new("refold.idempotent");
    private static readonly HttpRequestOptionsKey<string> s_limiterKey = new("refold.limiter");
    private static readonly HttpRequestOptionsKey<string> s_pipelineKey = new("refold.pipeline");
    private static readonly HttpRequestOptionsKey<CancellationToken> s_caller = new("refold.caller");

    /// <summary>Limiter key of requests sent without a credential (public operations).</summary>
    public const string AnonymousKey = "anonymous";

    /// <param name="pipelineScope">Whose breaker the request feeds when not its limiter key's (see <see cref="PipelineKey"/>).</param>
    /// <param name="caller">The caller's own cancellation, told apart from the pipeline's timeouts (see <see cref="CallerCancelled"/>).</param>
    public static void Set(HttpRequestMessage request, Operation operation, string limiterKey, string? pipelineScope = null, CancellationToken caller = default)
    {
        request.Options.Set(s_caller, caller);
        request.Options.Set(s_idempotent, operation.Hints.Idempotent);
        request.Options.Set(s_limiterKey, limiterKey);
        request.Options.Set(s_pipelineKey, (pipelineScope ?? limiterKey) + " " + operation.Name);
    }

    /// <summary>Only operations declared idempotent may be sent twice.</summary>
    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(s_idempotent, out var idempotent) && idempotent;

    /// <summary>
    /// The resilience pipeline (and so the circuit breaker) of a request: one per limiter key and operation, so that
    /// failures one tenant's calls provoke on one operation (a gateway timing out on its huge export) pause that
    /// operation only, not every call of the org. The rate limiter inside stays the org's one bucket.
    /// </summary>
    public static string PipelineKey(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(s_pipelineKey, out var key) ? key : AnonymousKey;

    public static string LimiterKey(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(s_limiterKey, out var key) ? key : AnonymousKey;

    /// <summary>Whether the caller of the request gave up on it (not a deadline or an attempt's timeout of the pipeline).</summary>
    public static bool CallerCancelled(HttpRequestMessage request) =>
        request.Options.TryGetValue(s_caller, out var caller) && caller.IsCancellationRequested;
}
