using Refold.Api.Catalog;

namespace Refold.Api.Resilience;

/// <summary>What the resilience pipeline needs to know about a request, carried in its options.</summary>
internal static class RefoldRequestOptions
{
    private static readonly HttpRequestOptionsKey<bool> s_idempotent = new("refold.idempotent");
    private static readonly HttpRequestOptionsKey<string> s_limiterKey = new("refold.limiter");

    /// <summary>Limiter key of requests sent without a credential (public operations).</summary>
    public const string AnonymousKey = "anonymous";

    public static void Set(HttpRequestMessage request, Operation operation, string limiterKey)
    {
        request.Options.Set(s_idempotent, operation.Hints.Idempotent);
        request.Options.Set(s_limiterKey, limiterKey);
    }

    /// <summary>Only operations declared idempotent may be sent twice.</summary>
    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(s_idempotent, out var idempotent) && idempotent;

    public static string LimiterKey(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(s_limiterKey, out var key) ? key : AnonymousKey;
}
