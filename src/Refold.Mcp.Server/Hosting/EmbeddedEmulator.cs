using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Hosting;

/// <summary>Starts the embedded Refold emulator (<c>--emulator</c>).</summary>
internal static class EmbeddedEmulator
{
    public static Task<Upstream> StartAsync(ServerOptions options, CancellationToken cancellationToken) =>
        throw new UsageException("--emulator is not available in this build: the embedded emulator is not part of it yet.");
}
