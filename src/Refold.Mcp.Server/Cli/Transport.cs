namespace Refold.Mcp.Server.Cli;

/// <summary>How the MCP server talks to its client.</summary>
public enum Transport
{
    Stdio,
    Http,
}
