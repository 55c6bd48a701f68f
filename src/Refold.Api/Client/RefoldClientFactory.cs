using Refold.Api.Resilience;

namespace Refold.Api.Client;

/// <summary>Creates <see cref="RefoldClient"/>s that share one resilient HTTP pipeline and one rate limiter per org.</summary>
public sealed class RefoldClientFactory(IHttpClientFactory httpClients, TimeProvider time, IRefoldRateLimiter limiter, SessionTokenMinter minter)
{
    /// <summary>Name of the HTTP client registered by <see cref="RefoldServiceCollectionExtensions.AddRefoldClient"/>.</summary>
    public const string HttpClientName = "refold";

    /// <summary>A client that calls Refold with <paramref name="credential"/> (null: public operations only).</summary>
    public RefoldClient Create(RefoldCredential? credential) => new(httpClients.CreateClient(HttpClientName), credential, time, limiter, minter: minter);

    /// <summary>
    /// A client whose calls draw from the limiter (and circuit breaker) named <paramref name="limiterKey"/> instead of
    /// the credential's org. For calls made before a credential is verified: a forged token must not be able to spend
    /// a real org's budget, nor create a limiter per forged org.
    /// </summary>
    public RefoldClient Create(RefoldCredential credential, string limiterKey) =>
        new(httpClients.CreateClient(HttpClientName), credential, time, limiter, limiterKey, minter: minter);

    /// <summary>The bucket a credential's calls draw from now (see <see cref="IRefoldRateLimiter.BucketOf"/>): its org's once known.</summary>
    public string BucketOf(RefoldCredential credential) => limiter.BucketOf(credential.LimiterKey);

    /// <summary>
    /// A client for checking a credential not yet verified: its calls draw from the org's bucket the credential claims
    /// (<paramref name="limiterKey"/>, its own org's limit) but share one resilience pipeline named
    /// <paramref name="pipelineScope"/>, so a flood of tokens claiming new orgs creates no pipeline per claimed org.
    /// </summary>
    public RefoldClient CreateForCheck(RefoldCredential credential, string limiterKey, string pipelineScope) =>
        new(httpClients.CreateClient(HttpClientName), credential, time, limiter, limiterKey, pipelineScope, minter);
}
