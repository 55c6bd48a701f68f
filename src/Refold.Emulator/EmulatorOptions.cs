using Microsoft.Extensions.Logging;

namespace Refold.Emulator;

/// <summary>How a <see cref="RefoldEmulator"/> runs. Every default is safe for tests and for the embedded server.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Address Kestrel binds; loopback with a free port by default. Read the real one from <see cref="RefoldEmulator.BaseUrl"/>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// The org API key of the seeded demo org. A key starting with <c>tk</c> acts in the test environment,
    /// <c>pk</c> in production (any other prefix is refused at start).
    /// </summary>
    public string ApiKey { get; set; } = EmulatorDefaults.ApiKey;

    /// <summary>Persist the state to this JSON file (loaded at start, written after every change and at stop); in memory when null.</summary>
    public string? DataPath { get; set; }

    /// <summary>The clock of everything time-based: timestamps, token expiry, the rate limiter, injected latency.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Injected failures: latency, a 5xx ratio, 429 storms, dropped connections. None by default.</summary>
    public FaultOptions Faults { get; set; } = new();

    /// <summary>Seed the demo org (apps, linked accounts, ...) on a first start; a state loaded from <see cref="DataPath"/> is not seeded again.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Where logs go. Null: no logging at all (stdout may be an MCP stdio channel).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>Refold's per-org request limit (20 requests/s, bursts of 5), enforced on <see cref="TimeProvider"/>'s clock.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Lifetime of the session tokens generate_session_token issues. Default 7 days, as Refold's current samples show.</summary>
    public TimeSpan SessionTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Lifetime of the refresh tokens issued beside them. Default 30 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Urls))
        {
            throw new ArgumentException("Urls must name at least one address, e.g. http://127.0.0.1:0.");
        }

        if (EnvironmentOfKey(ApiKey) is null)
        {
            throw new ArgumentException("ApiKey must start with 'tk' (test environment) or 'pk' (production), as Refold's keys do.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Faults);
        ArgumentNullException.ThrowIfNull(RateLimit);
        Faults.Validate();
        RateLimit.Validate();
        if (SessionTokenLifetime <= TimeSpan.Zero || RefreshTokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("SessionTokenLifetime and RefreshTokenLifetime must be positive.");
        }
    }

    /// <summary>The environment a Refold API key acts in: <c>test</c> for <c>tk…</c>, <c>production</c> for <c>pk…</c>, else null.</summary>
    public static string? EnvironmentOfKey(string? apiKey) => apiKey switch
    {
        { Length: > 2 } k when k.StartsWith("tk", StringComparison.Ordinal) => RefoldEnvironment.Test,
        { Length: > 2 } k when k.StartsWith("pk", StringComparison.Ordinal) => RefoldEnvironment.Production,
        _ => null,
    };
}

/// <summary>Documented defaults of the emulator.</summary>
public static class EmulatorDefaults
{
    /// <summary>The demo org's test-environment API key when none is given (<c>--api-key</c>). Not a secret: it only opens the local emulator.</summary>
    public const string ApiKey = "tk_demo_0123456789abcdef0123456789abcdef";

    /// <summary>The demo org's id (a Mongo ObjectId, as Refold's org ids are).</summary>
    public const string OrgId = "66a1f00dbeefcafe000000aa";

    /// <summary>The demo org's name.</summary>
    public const string OrgName = "Demo Org";
}

/// <summary>The two environments a Refold org has; the API key decides which one a call acts in.</summary>
public static class RefoldEnvironment
{
    public const string Test = "test";
    public const string Production = "production";
}

/// <summary>Refold's documented per-org limit: a token bucket of <see cref="Burst"/> refilled at <see cref="PermitsPerSecond"/>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>False turns the limit off (tests on a frozen fake clock that are not about the limit).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Refill rate. Default 20 per second.</summary>
    public double PermitsPerSecond { get; set; } = 20;

    /// <summary>Bucket size: requests that may arrive at once. Default 5.</summary>
    public int Burst { get; set; } = 5;

    internal void Validate()
    {
        if (PermitsPerSecond <= 0 || Burst < 1)
        {
            throw new ArgumentException($"RateLimit needs PermitsPerSecond > 0 and Burst >= 1, got {PermitsPerSecond} and {Burst}.");
        }
    }
}
