using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Operations;
using Refold.Api.Errors;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Http;

/// <summary>The outcome of authenticating one HTTP request.</summary>
public sealed record AuthOutcome(RefoldSession? Session, string? Fingerprint, int Status, string? Error, string? Description)
{
    /// <summary>For a 429: when the client may try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static AuthOutcome Accepted(RefoldSession session, string fingerprint) => new(session, fingerprint, 200, null, null);

    public static AuthOutcome Rejected(string error, string description, int status = StatusCodes.Status401Unauthorized) =>
        new(null, null, status, error, description);
}

/// <summary>
/// Turns the credential headers of an HTTP request into a verified <see cref="RefoldSession"/>. A credential is
/// verified with Refold once (concurrent first requests share that one check) and remembered under a one-way
/// fingerprint, never under the secret: a session token until its own expiry, with revocation rechecked in the
/// background every <see cref="HttpSessionOptions.RecheckInterval"/>. A check draws from the claimed org's own limiter
/// when the token's claims are plausible; every check also passes its client address's <see cref="AddressGate"/>.
/// </summary>
public sealed partial class SessionDirectory(
    RefoldClientFactory clients, ToolSets toolSets, ServerOptions options, Upstream upstream, AddressGate addresses, TimeProvider time, ILoggerFactory logs)
{
    /// <summary>How long a credential Refold refused stays refused without asking again.</summary>
    public static readonly TimeSpan RefusedLifetime = TimeSpan.FromSeconds(10);

    /// <summary>The limiter checks of credentials with no plausible org draw from (API keys before they are known, odd tokens).</summary>
    public const string UnverifiedLimiterKey = "unverified";

    /// <summary>Longest lifetime a plausible session token claims (Refold's are 7 days).</summary>
    private static readonly TimeSpan LongestTokenLifetime = TimeSpan.FromDays(31);

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly HttpSessionOptions _settings = options.Sessions;
    private readonly BoundedCache<Entry> _entries = new(options.Sessions.MaxCachedCredentials);
    private readonly ConcurrentDictionary<string, Lazy<Task<AuthOutcome>>> _checks = new(StringComparer.Ordinal);
    private readonly ILogger _log = logs.CreateLogger<SessionDirectory>();
    private readonly Lazy<RefoldSession?> _demo = new(() => upstream.DemoCredential is { } demo
        ? RefoldSession.Create(clients, toolSets, logs, demo)
        : null);

    /// <summary>Credentials remembered now (verified or refused).</summary>
    public int Cached => _entries.Count;

    public async Task<AuthOutcome> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization.ToString();
        var apiKey = request.Headers[RefoldHeaders.ApiKey].ToString();
        RefoldCredential credential;
        if (authorization.Length > 0)
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= 7)
            {
                return AuthOutcome.Rejected("invalid_request", "The Authorization header must be 'Bearer <Refold session token>'.");
            }

            var token = authorization[7..].Trim();
            if (SessionTokenClaims.TryRead(token) is not { } claims)
            {
                return AuthOutcome.Rejected("invalid_token", "The bearer token is not a Refold session token (a JWT minted by generate_session_token).");
            }

            if (claims.ExpiresAt is { } expires && expires <= time.GetUtcNow())
            {
                return AuthOutcome.Rejected("invalid_token", "The session token has expired; mint a new one with generate_session_token.");
            }

            credential = RefoldCredential.FromSessionToken(token);
        }
        else if (apiKey.Length > 0)
        {
            if (!options.AllowApiKeyHeader)
            {
                return AuthOutcome.Rejected("invalid_request",
                    "This server does not accept API keys over HTTP; send a Refold session token as 'Authorization: Bearer <token>'.");
            }

            credential = RefoldCredential.FromApiKey(apiKey, request.Headers[RefoldHeaders.LinkedAccount].ToString());
        }
        else if (_demo.Value is { } demo)
        {
            return AuthOutcome.Accepted(demo, "emulator-demo-org");
        }
        else
        {
            return AuthOutcome.Rejected("unauthorized", "A Refold credential is required: send 'Authorization: Bearer <Refold session token>'.");
        }

        var address = AddressGate.PlaceOf(request.HttpContext.Connection.RemoteIpAddress);
        return await VerifyAsync(credential, Fingerprint(credential, authorization, apiKey, request.Headers[RefoldHeaders.LinkedAccount].ToString()), address, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<AuthOutcome> VerifyAsync(RefoldCredential credential, string fingerprint, string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.Get(fingerprint) is { } known && known.Until > now)
        {
            if (known.Outcome.Session is not null && known.RecheckAt <= now)
            {
                // Revocation is rechecked in the background: the caller keeps being served meanwhile.
                _ = CheckOnceAsync(credential, fingerprint, address, known);
            }

            return known.Outcome;
        }

        if (TooManyRefusals(address) is { } tooMany)
        {
            return tooMany;
        }

        return await CheckOnceAsync(credential, fingerprint, address, null).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One check per credential at a time: concurrent callers share the one in flight.</summary>
    private Task<AuthOutcome> CheckOnceAsync(RefoldCredential credential, string fingerprint, string address, Entry? known)
    {
        var check = new Lazy<Task<AuthOutcome>>(() => CheckAsync(credential, fingerprint, address, known));
        var running = _checks.GetOrAdd(fingerprint, check);
        if (ReferenceEquals(running, check))
        {
            _ = check.Value.ContinueWith(_ => _checks.TryRemove(new KeyValuePair<string, Lazy<Task<AuthOutcome>>>(fingerprint, check)), TaskScheduler.Default);
        }

        return running.Value;
    }

    private async Task<AuthOutcome> CheckAsync(RefoldCredential credential, string fingerprint, string address, Entry? known)
    {
        await Task.Yield();
        var probe = credential is SessionTokenCredential ? Probes.SessionToken : Probes.ApiKey;
        var claims = (credential as SessionTokenCredential)?.Claims;
        // A plausible token's check counts against its org's own limit (Refold counts it there too); a recheck of a
        // verified credential likewise. Anything else shares one limiter, so forgeries cannot make a limiter per org.
        // A first check shares one pipeline whatever org it claims: pipelines are never forgotten, buckets are (OrgRateLimiters).
        // An API key whose org Refold's answers already showed (or the operator declared) is checked on that org's
        // bucket too: Refold counts the check there, and on the shared limiter it would be a permit beyond the org's.
        var orgKnown = credential is not SessionTokenCredential && clients.BucketOf(credential) != credential.LimiterKey;
        var client = known is not null ? clients.Create(credential)
            : Plausible(claims) || orgKnown ? clients.CreateForCheck(credential, credential.LimiterKey, UnverifiedLimiterKey)
            : clients.Create(credential, UnverifiedLimiterKey);
        AuthOutcome outcome;
        try
        {
            using (known is null ? await addresses.EnterAsync(address, CancellationToken.None).ConfigureAwait(false) : await addresses.EnterRecheckAsync().ConfigureAwait(false))
            {
                // Asked again once through the gate: the checks ahead of this one may have spent the address's refusals.
                if (known is null && TooManyRefusals(address) is { } tooMany)
                {
                    return tooMany;
                }

                await client.SendAsync(probe, [], CancellationToken.None).ConfigureAwait(false);
            }

            outcome = known?.Outcome ?? AuthOutcome.Accepted(RefoldSession.Create(clients, toolSets, logs, credential), fingerprint);
        }
        catch (RefoldApiException e) when (e.Error.Kind is RefoldErrorKind.Unauthorized or RefoldErrorKind.Forbidden)
        {
            LogRefused(_log, credential.ToString()!, fingerprint);
            if (known is null)
            {
                addresses.Refused(address);
            }

            outcome = AuthOutcome.Rejected("invalid_token", "Refold refused this credential (invalid, expired or revoked).");
        }
        catch (RefoldApiException e)
        {
            LogUnverified(_log, credential.ToString()!, e.Error.Message);
            if (known is not null)
            {
                // Refold could not say; keep trusting what it verified until the next recheck.
                _entries.Set(fingerprint, known with { RecheckAt = time.GetUtcNow() + _settings.RecheckInterval });
                return known.Outcome;
            }

            return AuthOutcome.Rejected("temporarily_unavailable", "The credential could not be checked with Refold right now; try again shortly.",
                StatusCodes.Status503ServiceUnavailable);
        }

        var now = time.GetUtcNow();
        _entries.Set(fingerprint, outcome.Session is null
            ? new Entry(outcome, now + RefusedLifetime, DateTimeOffset.MaxValue)
            : new Entry(outcome, claims?.ExpiresAt ?? DateTimeOffset.MaxValue, now + _settings.RecheckInterval));
        return outcome;
    }

    /// <summary>A 429 for an address that presented too many refused credentials lately; null when it may present more.</summary>
    private AuthOutcome? TooManyRefusals(string address) =>
        addresses.RetryAfter(address) is var wait && wait > TimeSpan.Zero
            ? AuthOutcome.Rejected("too_many_requests",
                $"Too many refused credentials came from your address; try again in {Math.Ceiling(wait.TotalSeconds)} s with a valid Refold session token.",
                StatusCodes.Status429TooManyRequests) with { RetryAfter = wait }
            : null;

    /// <summary>Claims a real Refold token would carry: an org, an account, and a current lifetime of sane length.</summary>
    private bool Plausible(SessionTokenClaims? claims)
    {
        var now = time.GetUtcNow();
        return claims is { OrgId.Length: > 0 and <= 64, LinkedAccountId.Length: > 0, IssuedAt: { } issued, ExpiresAt: { } expires }
            && issued <= now + ClockSkew && expires > now && expires - issued <= LongestTokenLifetime;
    }

    /// <summary>One-way fingerprint of the credential headers: the cache key and the identity the SDK binds sessions to.</summary>
    private static string Fingerprint(RefoldCredential credential, string authorization, string apiKey, string account)
    {
        var material = credential is SessionTokenCredential ? "bearer\n" + authorization.Trim() : "key\n" + apiKey.Trim() + "\n" + account.Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..32];
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Refold refused a {Credential} (fingerprint {Fingerprint})")]
    private static partial void LogRefused(ILogger logger, string credential, string fingerprint);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Could not verify a {Credential} with Refold: {Reason}")]
    private static partial void LogUnverified(ILogger logger, string credential, string reason);

    private sealed record Entry(AuthOutcome Outcome, DateTimeOffset Until, DateTimeOffset RecheckAt);

    /// <summary>The cheap reads that prove a credential works: the token's own account, the key's app list.</summary>
    private static class Probes
    {
        public static readonly Operation SessionToken = LinkedAccounts.GetActiveLinkedAccount;
        public static readonly Operation ApiKey = Applications.ListApplications;
    }
}
