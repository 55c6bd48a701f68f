namespace Refold.Mcp.Server.Cli;

/// <summary>What <c>refold-mcp</c> was asked to do.</summary>
public enum Command
{
    Serve,
    Tools,
    Call,
    Describe,
    Emulator,
    Help,
    Version,
    HealthCheck,
}
