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
    public static AuthOutcome Accepted(RefoldSession session, string fingerprint) => new(session, fingerprint, 200, null, null);

    public static AuthOutcome Rejected(string error, string description, int status = StatusCodes.Status401Unauthorized) =>
        new(null, null, status, error, description);
}

/// <summary>
/// Turns the credential headers of an HTTP request into a verified <see cref="RefoldSession"/>. A credential is
/// verified with Refold (a session token must also decode as a JWT) and the result is remembered briefly under a
/// one-way fingerprint, never under the secret.
/// </summary>
public sealed partial class SessionDirectory(
    RefoldClientFactory clients, ToolSets toolSets, ServerOptions options, Upstream upstream, TimeProvider time, ILoggerFactory logs)
{
    /// <summary>How long a verified credential is trusted before Refold is asked again.</summary>
    public static readonly TimeSpan VerifiedLifetime = TimeSpan.FromSeconds(60);

    /// <summary>How long a credential Refold refused stays refused without asking again.</summary>
    public static readonly TimeSpan RefusedLifetime = TimeSpan.FromSeconds(10);

    /// <summary>The limiter every credential check draws from, whatever org the credential claims.</summary>
    public const string UnverifiedLimiterKey = "unverified";

    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ILogger _log = logs.CreateLogger<SessionDirectory>();
    private readonly Lazy<RefoldSession?> _demo = new(() => upstream.DemoCredential is { } demo
        ? RefoldSession.Create(clients, toolSets, logs, demo)
        : null);

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

        return await VerifyAsync(credential, Fingerprint(credential, authorization, apiKey, request.Headers[RefoldHeaders.LinkedAccount].ToString()), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<AuthOutcome> VerifyAsync(RefoldCredential credential, string fingerprint, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(fingerprint, out var known) && known.Until > now)
        {
            return known.Outcome;
        }

        var probe = credential is SessionTokenCredential ? Probes.SessionToken : Probes.ApiKey;
        AuthOutcome outcome;
        try
        {
            // Unverified credentials share one limiter of their own; only a verified one gets its org's.
            await clients.Create(credential, UnverifiedLimiterKey).SendAsync(probe, [], cancellationToken).ConfigureAwait(false);
            outcome = AuthOutcome.Accepted(RefoldSession.Create(clients, toolSets, logs, credential), fingerprint);
        }
        catch (RefoldApiException e) when (e.Error.Kind is RefoldErrorKind.Unauthorized or RefoldErrorKind.Forbidden)
        {
            LogRefused(_log, credential.ToString()!, fingerprint);
            outcome = AuthOutcome.Rejected("invalid_token", "Refold refused this credential (invalid, expired or revoked).");
        }
        catch (RefoldApiException e)
        {
            LogUnverified(_log, credential.ToString()!, e.Error.Message);
            return AuthOutcome.Rejected("temporarily_unavailable", "The credential could not be checked with Refold right now; try again shortly.",
                StatusCodes.Status503ServiceUnavailable);
        }

        if (_entries.Count >= MaxEntries)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Until <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
        }

        _entries[fingerprint] = new Entry(outcome, now + (outcome.Session is null ? RefusedLifetime : VerifiedLifetime));
        return outcome;
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

    private sealed record Entry(AuthOutcome Outcome, DateTimeOffset Until);

    /// <summary>The cheap reads that prove a credential works: the token's own account, the key's app list.</summary>
    private static class Probes
    {
        public static readonly Operation SessionToken = LinkedAccounts.GetActiveLinkedAccount;
        public static readonly Operation ApiKey = Applications.ListApplications;
    }
}
