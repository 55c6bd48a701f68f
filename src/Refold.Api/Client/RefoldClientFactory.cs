namespace Refold.Api.Client;

/// <summary>Creates <see cref="RefoldClient"/>s that share one resilient HTTP pipeline and one rate limiter per org.</summary>
public sealed class RefoldClientFactory(IHttpClientFactory httpClients, TimeProvider time)
{
    /// <summary>Name of the HTTP client registered by <see cref="RefoldServiceCollectionExtensions.AddRefoldClient"/>.</summary>
    public const string HttpClientName = "refold";

    /// <summary>A client that calls Refold with <paramref name="credential"/> (null: public operations only).</summary>
    public RefoldClient Create(RefoldCredential? credential) => new(httpClients.CreateClient(HttpClientName), credential, time);
}
