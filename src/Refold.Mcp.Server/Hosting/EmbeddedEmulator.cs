using Refold.Api.Client;
using Refold.Emulator;
using Refold.Emulator.Core;

namespace Refold.Mcp.Server.Hosting;

/// <summary>Starts the embedded Refold emulator (<c>--emulator</c>) on a loopback port with its seeded demo org, its state in <c>dataFile</c> when given.</summary>
internal static class EmbeddedEmulator
{
    public static async Task<Upstream> StartAsync(double speed, string? dataFile, CancellationToken cancellationToken)
    {
        var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions
        {
            // Only its warnings and errors, on stderr like ours.
            ConfigureLogging = l => ServerLogging.Configure(l, "Warning"),
            DataPath = dataFile,
            TimeProvider = speed == 1 ? TimeProvider.System : new ScaledTimeProvider(speed),
        }, cancellationToken).ConfigureAwait(false);

        return new Upstream(
            emulator.BaseUrl,
            RefoldCredential.FromApiKey(emulator.ApiKey),
            $"refold-mcp: using the embedded Refold emulator at {emulator.BaseUrl} with its seeded demo org '{EmulatorDefaults.OrgName}' — no credentials needed; nothing leaves this machine{(dataFile is null ? "" : $"; state in {Path.GetFullPath(dataFile)}")}.",
            emulator);
    }
}
