namespace Refold.Emulator;

/// <summary>Runs the standalone emulator until stopped: the emulator's own executable and <c>refold-mcp emulator</c>.</summary>
public static class EmulatorHost
{
    /// <summary>Starts the emulator, prints where it listens, its key and its state file, and waits for <paramref name="stop"/>. 1 when it cannot start.</summary>
    public static async Task<int> RunAsync(EmulatorOptions options, TextWriter output, TextWriter error, CancellationToken stop)
    {
        RefoldEmulator emulator;
        try
        {
            emulator = await RefoldEmulator.StartAsync(options, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            await error.WriteLineAsync($"The emulator could not start: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"Refold emulator listening on {emulator.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"API key: {emulator.ApiKey}").ConfigureAwait(false);
            await output.WriteLineAsync(options.DataPath is null ? "State: in memory" : $"State: {Path.GetFullPath(options.DataPath)}").ConfigureAwait(false);
            await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await output.WriteLineAsync("Refold emulator stopped.").ConfigureAwait(false);
        return 0;
    }
}
