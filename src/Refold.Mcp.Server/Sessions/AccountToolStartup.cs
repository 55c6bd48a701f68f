using Microsoft.Extensions.Hosting;

namespace Refold.Mcp.Server.Sessions;

/// <summary>Reads the single stdio session's account tools once at start, so its first tools/list already has them.</summary>
internal sealed class AccountToolStartup(AccountToolCollection collection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => collection.SyncAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
