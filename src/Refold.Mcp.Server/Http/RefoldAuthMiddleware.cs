using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// Authenticates every request to the MCP endpoint before any MCP processing: a verified credential becomes the
/// request's user (carrying its session); anything else is answered 401 with <c>WWW-Authenticate</c>. A request that
/// may open a session (a POST without <c>Mcp-Session-Id</c>) takes one of its credential's places, or gets 429.
/// </summary>
public sealed class RefoldAuthMiddleware(RequestDelegate next, SessionDirectory directory, CredentialSessions sessions, HttpSessionOptions settings)
{
    public const string Realm = "refold-mcp";

    /// <summary>Where the request's session place waits for the session that may start from it.</summary>
    public const string ReservationItem = "refold.session-reservation";

    public async Task InvokeAsync(HttpContext context)
    {
        // OAuth mode (--jwt-authority) replaces the Refold-credential headers with tokens issued for this server.
        var oauth = context.RequestServices.GetService<OAuthSessions>();
        var outcome = oauth is not null
            ? await oauth.AuthenticateAsync(context).ConfigureAwait(false)
            : await directory.AuthenticateAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Session is { } verified && !TenantFence.Allows(verified.Tools.Surface, verified.Credential?.LinkedAccountId))
        {
            // Checked on every request, so a cached session of an account outside the allow-list never gets through.
            outcome = AuthOutcome.Rejected("forbidden",
                $"This server serves only the linked accounts set with {TenantFence.LinkedAccountsOption}; this credential acts for another linked account.",
                StatusCodes.Status403Forbidden);
        }

        if (outcome.Session is { } session)
        {
            context.User = new ClaimsPrincipal(new RefoldIdentity(session, outcome.Fingerprint!));
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Headers.ContainsKey("Mcp-Session-Id"))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (sessions.TryReserve(outcome.Fingerprint!, out var refusal) is not { } reservation)
            {
                await (refusal == CredentialSessions.Refusal.ServerFull ? RefuseServerFullAsync(context) : RefuseOverCapAsync(context)).ConfigureAwait(false);
                return;
            }

            context.Items[ReservationItem] = reservation;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                reservation.ReleaseFromRequest();
            }

            return;
        }

        context.Response.StatusCode = outcome.Status;
        if (oauth is not null && outcome.Status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            context.Response.Headers.WWWAuthenticate = OAuthResourceServer.Challenge(context.Request, outcome, context.RequestServices.GetRequiredService<OAuthOptions>());
        }
        else if (outcome.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = outcome.Error == "unauthorized"
                ? $"Bearer realm=\"{Realm}\""
                : $"Bearer realm=\"{Realm}\", error=\"{outcome.Error}\", error_description=\"{outcome.Description}\"";
        }

        if (outcome.RetryAfter is { } retry)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await RequestGuard.WriteJsonAsync(context, new JsonObject { ["error"] = outcome.Error, ["error_description"] = outcome.Description }).ConfigureAwait(false);
    }

    /// <summary>429 with a JSON-RPC error saying which limit was hit and how to get under it.</summary>
    private Task RefuseOverCapAsync(HttpContext context) => RefuseAsync(context, StatusCodes.Status429TooManyRequests,
        $"This credential already holds {sessions.Cap} open sessions, the most this server allows per credential "
        + $"(--max-sessions-per-credential). Close sessions you no longer use (HTTP DELETE with their Mcp-Session-Id), "
        + $"reuse an open one, or wait: idle sessions close after {settings.IdleTimeout.TotalMinutes:0.#} minutes.",
        "max_sessions_per_credential", sessions.Cap);

    /// <summary>503: the server holds as many sessions as it allows in all; nobody's session is closed to make room.</summary>
    private Task RefuseServerFullAsync(HttpContext context) => RefuseAsync(context, StatusCodes.Status503ServiceUnavailable,
        $"This server already holds {sessions.TotalCap} open sessions, the most it allows in all (--max-sessions); no open session "
        + $"is closed to make room. Try again later (idle sessions close after {settings.IdleTimeout.TotalMinutes:0.#} minutes), "
        + "or ask the operator to raise --max-sessions or add a replica.",
        "max_sessions", sessions.TotalCap);

    private static Task RefuseAsync(HttpContext context, int status, string message, string limit, int max)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = "60";
        return RequestGuard.WriteJsonAsync(context, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = null,
            ["error"] = new JsonObject
            {
                ["code"] = -32000,
                ["message"] = message,
                ["data"] = new JsonObject { ["limit"] = limit, ["max"] = max },
            },
        });
    }
}
