namespace Refold.Mcp.Server.Cli;

/// <summary>A command line that cannot be understood; the message says why.</summary>
public sealed class UsageException(string message) : Exception(message);
