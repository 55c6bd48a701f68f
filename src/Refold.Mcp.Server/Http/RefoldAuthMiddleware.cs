using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// Authenticates every request to the MCP endpoint before any MCP processing: a verified credential becomes the
/// request's user (carrying its session); anything else is answered 401 with <c>WWW-Authenticate</c>.
/// </summary>
public sealed class RefoldAuthMiddleware(RequestDelegate next, SessionDirectory directory)
{
    public const string Realm = "refold-mcp";

    public async Task InvokeAsync(HttpContext context)
    {
        var outcome = await directory.AuthenticateAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
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
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = outcome.Status;
        if (outcome.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = outcome.Error == "unauthorized"
                ? $"Bearer realm=\"{Realm}\""
                : $"Bearer realm=\"{Realm}\", error=\"{outcome.Error}\", error_description=\"{outcome.Description}\"";
        }

        await RequestGuard.WriteJsonAsync(context, new JsonObject { ["error"] = outcome.Error, ["error_description"] = outcome.Description }).ConfigureAwait(false);
    }
}
