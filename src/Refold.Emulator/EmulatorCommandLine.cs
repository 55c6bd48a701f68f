using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Refold.Emulator;

/// <summary>Reads the standalone emulator's command line into <see cref="EmulatorOptions"/>.</summary>
public static class EmulatorCommandLine
{
    public const string Usage = """
        Refold emulator: a local Refold API with a seeded demo org.

        Usage: dotnet run --project src/Refold.Emulator -- [options]
          --urls URL            address to bind (default http://127.0.0.1:0: loopback, free port)
          --api-key KEY         demo org API key; tk... = test, pk... = production (default tk_demo_...)
          --data PATH           persist state to this JSON file (default: in memory)
          --no-seed             start empty instead of seeding the demo org
          --no-rate-limit       turn off Refold's 20 requests/s (burst 5) per-org limit
          --latency-ms N        add N ms before every answer
          --error-rate R        answer a share R (0..1) of requests with 500/502/503
          --storm-rate R        start a 429 storm on a share R of requests
          --storm-length N      requests a 429 storm lasts (default 5)
          --drop-rate R         abort the connection of a share R of requests
          --drop-after-rate R   apply a share R of requests, then abort the connection (answer lost)
          --fault-seed N        seed of the fault generator (deterministic faults)
          --fault-ops A,B       inject faults only into these operations
          --help                show this text
        """;

    /// <summary>The options the arguments ask for; throws <see cref="ArgumentException"/> naming a bad argument.</summary>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions
        {
            ConfigureLogging = logging => logging.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning),
        };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            switch (arg)
            {
                case "--urls": options.Urls = Value(); break;
                case "--api-key": options.ApiKey = Value(); break;
                case "--data": options.DataPath = Value(); break;
                case "--no-seed": options.Seed = false; break;
                case "--no-rate-limit": options.RateLimit.Enabled = false; break;
                case "--latency-ms": options.Faults.Latency = TimeSpan.FromMilliseconds(Number(arg, Value())); break;
                case "--error-rate": options.Faults.ErrorRate = Number(arg, Value()); break;
                case "--storm-rate": options.Faults.StormRate = Number(arg, Value()); break;
                case "--storm-length": options.Faults.StormLength = (int)Number(arg, Value()); break;
                case "--drop-rate": options.Faults.DropRate = Number(arg, Value()); break;
                case "--drop-after-rate": options.Faults.DropAfterRate = Number(arg, Value()); break;
                case "--fault-seed": options.Faults.Seed = (int)Number(arg, Value()); break;
                case "--fault-ops": options.Faults.Operations = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default: throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }

        options.Validate();
        return options;
    }

    private static double Number(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} needs a number, got '{value}'.");
}
