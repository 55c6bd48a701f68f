namespace Refold.Mcp.Server.Scale;

/// <summary>How the HTTP transport keeps MCP sessions (<c>--session-mode</c>).</summary>
public enum SessionMode
{
    /// <summary>2025-11-25 clients that initialize get a session held by this process; 2026-07-28 clients are served per request.</summary>
    Hybrid,

    /// <summary>Every request stands alone, for both protocol versions: any replica behind a load balancer answers any request.</summary>
    Stateless,
}
