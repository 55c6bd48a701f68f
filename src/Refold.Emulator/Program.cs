using Refold.Emulator;

if (args.Contains("--help") || args.Contains("-h"))
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
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(EmulatorCommandLine.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var emulator = await RefoldEmulator.StartAsync(options);
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

return 0;
