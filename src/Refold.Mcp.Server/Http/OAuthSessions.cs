using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// OAuth mode's credential step: a bearer token validated by JwtBearer becomes a session acting as the linked account
/// its <see cref="OAuthOptions.AccountClaim"/> names, with that account's Refold session token minted by the
/// <see cref="SessionTokenMinter"/> with the org key (one mint per account until shortly before it expires). The
/// caller's token is never sent to Refold. Without the write scope (when one is configured) the session gets the
/// read-only tools.
/// </summary>
public sealed partial class OAuthSessions(
    OAuthOptions options, OAuthOrgKey orgKey, RefoldClientFactory clients, SessionTokenMinter minter, ToolSets toolSets, ILoggerFactory logs)
{
    private readonly RefoldClient _orgKey = clients.Create(orgKey.Credential);
    private readonly ToolSets _readOnly = new(toolSets.Surface with { ReadOnly = true });
    private readonly BoundedCache<RefoldSession> _sessions = new(SessionTokenMinter.Capacity);
    private readonly ILogger _log = logs.CreateLogger<OAuthSessions>();

    public async Task<AuthOutcome> AuthenticateAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OAuthResourceServer.Scheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result.Failure is null
                ? AuthOutcome.Rejected("unauthorized", "A bearer token issued for this server by its authorization server is required (see the resource_metadata URL).")
                : AuthOutcome.Rejected("invalid_token", "The bearer token was refused: " + Reason(result.Failure));
        }

        var user = result.Principal!;
        if (user.FindFirst(options.AccountClaim)?.Value is not { Length: > 0 } account)
        {
            return AuthOutcome.Rejected("invalid_token", $"The token carries no '{options.AccountClaim}' claim naming the linked account to act for.");
        }

        var scopes = Scopes(user);
        var writes = options.WriteScope is null || scopes.Contains(options.WriteScope);
        if (options.ReadScope is { } read && !scopes.Contains(read) && !(options.WriteScope is not null && writes))
        {
            return AuthOutcome.Rejected("insufficient_scope", $"The token lacks the scope '{read}' this server needs.", StatusCodes.Status403Forbidden);
        }

        SessionTokenCredential token;
        try
        {
            token = await minter.TokenForAsync(_orgKey, account, context.RequestAborted).ConfigureAwait(false);
        }
        catch (RefoldApiException e) when (e.Error.Kind is RefoldErrorKind.BadRequest or RefoldErrorKind.NotFound or RefoldErrorKind.InvalidArgument)
        {
            return AuthOutcome.Rejected("forbidden", $"Refold knows no linked account '{ArgumentValidator.Clip(account)}' (named by the token's '{options.AccountClaim}' claim).",
                StatusCodes.Status403Forbidden);
        }
        catch (RefoldApiException e)
        {
            LogMintFailed(_log, account, e.Error.Message);
            return AuthOutcome.Rejected("temporarily_unavailable", "The linked account's Refold session could not be opened right now; try again shortly.",
                StatusCodes.Status503ServiceUnavailable);
        }

        return AuthOutcome.Accepted(SessionFor(account, token, writes), Fingerprint(user, account, writes));
    }

    /// <summary>One session per account and scope, replaced when its account's token is minted anew.</summary>
    private RefoldSession SessionFor(string account, SessionTokenCredential token, bool writes)
    {
        var key = (writes ? "rw\n" : "r\n") + account;
        if (_sessions.Get(key) is { } known && ReferenceEquals(known.Credential, token))
        {
            return known;
        }

        var session = new RefoldSession(clients.Create(token), (writes ? toolSets : _readOnly).For(token), logs.CreateLogger(RefoldSession.LogCategory))
        {
            // A revoked token must not be handed out again: the next request mints a fresh one.
            Revoked = () => minter.Forget(_orgKey, account, token),
        };
        _sessions.Set(key, session);
        return session;
    }

    private static HashSet<string> Scopes(ClaimsPrincipal user) =>
        [.. user.FindAll("scope").Concat(user.FindAll("scp")).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>Who the caller is (issuer, subject, account, scope), one-way: the identity stateful sessions are bound to, and the session-cap key.</summary>
    private static string Fingerprint(ClaimsPrincipal user, string account, bool writes)
    {
        var material = $"oauth\n{user.FindFirst("iss")?.Value}\n{user.FindFirst("sub")?.Value}\n{account}\n{writes}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..32];
    }

    private static string Reason(Exception failure) => failure.GetType().Name switch
    {
        "SecurityTokenInvalidAudienceException" => "it was not issued for this server (audience).",
        "SecurityTokenInvalidIssuerException" => "its issuer is not this server's authorization server.",
        "SecurityTokenExpiredException" => "it has expired.",
        "SecurityTokenNotYetValidException" => "it is not valid yet.",
        "SecurityTokenNoExpirationException" => "it has no expiry.",
        var name when name.Contains("Signature", StringComparison.Ordinal) || name.Contains("SigningKey", StringComparison.Ordinal) => "its signature does not verify with the authorization server's keys.",
        _ => "it is not a valid token for this server.",
    };

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Could not mint a Refold session token for linked account {Account}: {Reason}")]
    private static partial void LogMintFailed(ILogger logger, string account, string reason);
}
