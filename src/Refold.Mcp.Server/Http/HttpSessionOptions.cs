namespace Refold.Mcp.Server.Http;

/// <summary>
/// How the HTTP server shares sessions and credential checks fairly between tenants: a cap on each credential's
/// concurrent sessions, the idle timeout, how long verified credentials are trusted and how many are remembered,
/// and how many refused credentials one client address may present before it is slowed down.
/// </summary>
public sealed record HttpSessionOptions
{
    public const int DefaultMaxSessionsPerCredential = 100;
    public const int DefaultIdleTimeoutMinutes = 30;
    public const int DefaultRecheckSeconds = 300;
    public const int DefaultMaxCachedCredentials = 10_000;
    public const int DefaultMaxSessions = 10_000;

    /// <summary>Concurrent sessions (and stateless requests in flight) one credential may hold; one more gets 429.</summary>
    public int MaxSessionsPerCredential { get; init; } = DefaultMaxSessionsPerCredential;

    /// <summary>
    /// Concurrent sessions (and stateless requests in flight) of all credentials together; one more gets 503. The SDK's
    /// own idle-session cap is set above it, so the SDK never prunes one tenant's idle session to make room for another's.
    /// </summary>
    public int MaxSessions { get; init; } = DefaultMaxSessions;

    /// <summary>A stateful session nobody used for this long is closed (the SDK's default is 2 hours).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(DefaultIdleTimeoutMinutes);

    /// <summary>How often a verified credential is rechecked with Refold for revocation (in the background; callers never wait for it).</summary>
    public TimeSpan RecheckInterval { get; init; } = TimeSpan.FromSeconds(DefaultRecheckSeconds);

    /// <summary>Most credentials remembered; beyond it the least recently used one is forgotten.</summary>
    public int MaxCachedCredentials { get; init; } = DefaultMaxCachedCredentials;

    /// <summary>Credential checks one client address may have in flight at once; more wait their turn.</summary>
    public int ChecksInFlightPerAddress { get; init; } = 8;

    /// <summary>Background revocation rechecks in flight at once, process-wide; the others wait their turn.</summary>
    public int RechecksInFlight { get; init; } = 2;

    /// <summary>Refused credentials one client address may present in a burst before it gets 429 without a check.</summary>
    public int RefusalsPerAddress { get; init; } = 10;

    /// <summary>How quickly an address earns back one refusal.</summary>
    public TimeSpan RefusalRefill { get; init; } = TimeSpan.FromSeconds(6);
}
