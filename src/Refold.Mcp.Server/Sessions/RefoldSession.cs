using System.Security.Claims;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Refold.Api.Client;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Sessions;

/// <summary>
/// What one MCP session works with: its credential, the client that calls Refold with it (sharing the org's rate
/// limiter with every other client of that org) and the tools that credential may list and run.
/// </summary>
public sealed class RefoldSession(RefoldClient client, ToolSet tools, ILogger logger)
{
    public RefoldClient Client { get; } = client;

    public RefoldCredential? Credential => Client.Credential;

    public ToolSet Tools { get; } = tools;

    public ILogger Logger { get; } = logger;

    /// <summary>Called after revoke_session_token revoked this session's token (OAuth mode then forgets the token it minted).</summary>
    public Action? Revoked { get; init; }

    /// <summary>The log category of tool calls.</summary>
    public const string LogCategory = "Refold.Mcp.Server.Tools";

    /// <summary>A session for <paramref name="credential"/>: its own client (on the org's shared limiter) and the tools it may use.</summary>
    public static RefoldSession Create(RefoldClientFactory clients, ToolSets toolSets, ILoggerFactory logs, RefoldCredential? credential) =>
        new(clients.Create(credential), toolSets.For(credential), logs.CreateLogger(LogCategory));

    /// <summary>
    /// The session a tool call belongs to: over HTTP the one the authentication step attached to the request's user,
    /// otherwise (stdio, in-process) the single session of the process.
    /// </summary>
    public static RefoldSession Of<TParams>(RequestContext<TParams> request) =>
        request.User?.Identity is RefoldIdentity identity
            ? identity.Session
            : request.Services?.GetService(typeof(RefoldSession)) as RefoldSession
              ?? throw new InvalidOperationException("No Refold session is attached to this request.");
}

/// <summary>The identity the HTTP authentication step gives a request: the session of its (verified) credential.</summary>
public sealed class RefoldIdentity : ClaimsIdentity
{
    public const string AuthenticationTypeName = "refold";

    /// <param name="session">The session of the credential.</param>
    /// <param name="fingerprint">A one-way fingerprint of the credential, never the secret; the SDK binds stateful sessions to it.</param>
    public RefoldIdentity(RefoldSession session, string fingerprint)
        : base([new Claim(ClaimTypes.NameIdentifier, fingerprint), new Claim(ClaimTypes.Name, session.Credential?.ToString() ?? "anonymous")], AuthenticationTypeName)
    {
        Session = session;
    }

    public RefoldSession Session { get; }
}
