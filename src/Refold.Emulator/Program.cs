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

return await EmulatorHost.RunAsync(options, Console.Out, Console.Error, stop.Token);
