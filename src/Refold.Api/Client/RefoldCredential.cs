using System.Security.Cryptography;
using System.Text;

namespace Refold.Api.Client;

/// <summary>
/// The credential Refold calls are made with. Its text never appears in <see cref="object.ToString"/>,
/// in errors or in limiter keys.
/// </summary>
public abstract class RefoldCredential
{
    private protected RefoldCredential()
    {
    }

    /// <summary>Identifies the upstream org for the shared rate limiter, without revealing the secret.</summary>
    public abstract string LimiterKey { get; }

    /// <summary>The linked account this credential acts for, if it names one.</summary>
    public abstract string? LinkedAccountId { get; }

    /// <summary>A one-way fingerprint of the secret (16 hex digits of its SHA-256), to tell credentials apart in records.</summary>
    public abstract string Fingerprint { get; }

    /// <summary>Org API key (<c>x-api-key</c>), optionally bound to a default linked account.</summary>
    public static RefoldCredential FromApiKey(string apiKey, string? linkedAccountId = null) => new ApiKeyCredential(apiKey, linkedAccountId);

    /// <summary>A linked-account session token; it replaces both the API key and the linked account header.</summary>
    public static RefoldCredential FromSessionToken(string token) => new SessionTokenCredential(token);

    /// <summary>Short stable fingerprint of a secret, for keys and logs.</summary>
    internal static string FingerprintOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..16];
}

/// <summary>An org API key. Keys starting with <c>tk</c> act in the test environment, <c>pk</c> in production.</summary>
public sealed class ApiKeyCredential : RefoldCredential
{
    internal ApiKeyCredential(string apiKey, string? linkedAccountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ApiKey = apiKey.Trim();
        LinkedAccountId = string.IsNullOrWhiteSpace(linkedAccountId) ? null : linkedAccountId.Trim();
    }

    internal string ApiKey { get; }

    public override string? LinkedAccountId { get; }

    public override string LimiterKey => field ??= "key:" + Fingerprint;

    // On first use: the first hash of a process loads OpenSSL, which a server reading its key at start need not wait for.
    public override string Fingerprint => field ??= FingerprintOf(ApiKey);

    public override string ToString() => LinkedAccountId is null ? "API key" : $"API key for linked account {LinkedAccountId}";
}

/// <summary>A linked-account session token (a JWT minted by generate_session_token).</summary>
public sealed class SessionTokenCredential : RefoldCredential
{
    internal SessionTokenCredential(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token.Trim();
        Claims = SessionTokenClaims.TryRead(Token);
    }

    internal string Token { get; }

    /// <summary>The claims read from the token (not verified: only Refold can verify them), or null when unreadable.</summary>
    public SessionTokenClaims? Claims { get; }

    public override string? LinkedAccountId => Claims?.LinkedAccountId;

    public override string LimiterKey => field ??= Claims?.OrgId is { } org ? "org:" + org : "token:" + Fingerprint;

    public override string Fingerprint => field ??= FingerprintOf(Token);

    public override string ToString() => LinkedAccountId is null ? "session token" : $"session token for linked account {LinkedAccountId}";
}
