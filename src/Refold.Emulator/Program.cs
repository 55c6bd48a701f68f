using System.Runtime.InteropServices;
using Refold.Emulator;

if (args.Any(a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(EmulatorCommandLine.Usage);
    return 0;
}

EmulatorOptions options;
try
{
    options = EmulatorCommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message} Run with --help for the options.");
    return 2;
}

// Ctrl+C and SIGTERM stop cleanly (Kestrel, then the state file) instead of killing the process.
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

RefoldEmulator emulator;
try
{
    emulator = await RefoldEmulator.StartAsync(options);
}
catch (Exception e) when (e is IOException or InvalidDataException)
{
    Console.Error.WriteLine($"The emulator could not start: {e.Message}");
    return 1;
}

await using (emulator)
{
    Console.WriteLine($"Refold emulator listening on {emulator.BaseUrl}");
    Console.WriteLine($"API key: {emulator.ApiKey}");
    Console.WriteLine(options.DataPath is null ? "State: in memory" : $"State: {Path.GetFullPath(options.DataPath)}");
    Console.WriteLine("Press Ctrl+C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
}

Console.WriteLine("Refold emulator stopped.");
return 0;
