using System.CommandLine;
using Microsoft.Extensions.Logging;
using Refold.Emulator.Cli;

namespace Refold.Emulator;

/// <summary>Reads the standalone emulator's command line into <see cref="EmulatorOptions"/>; each flag is declared once in <see cref="Flags"/>.</summary>
public static class EmulatorCommandLine
{
    /// <summary>Every flag of the standalone emulator (also those of <c>refold-mcp emulator</c>); the help is generated from them.</summary>
    public static IReadOnlyList<Flag<EmulatorOptions>> Flags { get; } =
    [
        Flag<EmulatorOptions>.Text("--urls", "URL", "address to bind (default http://127.0.0.1:0: loopback, a free port)", Set<string>((o, v) => o.Urls = v)),
        Flag<EmulatorOptions>.Value("--api-key", "KEY", $"demo org API key; tk... = test, pk... = production (default {EmulatorDefaults.ApiKey[..8]}...)", ApiKey, Set<string>((o, v) => o.ApiKey = v)),
        Flag<EmulatorOptions>.Text("--data", "FILE", "keep the state in this JSON file: loaded at start, written after every change (default: in memory)", Set<string>((o, v) => o.DataPath = v)),
        Flag<EmulatorOptions>.Switch("--no-seed", "start empty instead of seeding the demo org", Set(o => o.Seed = false)),
        Flag<EmulatorOptions>.Switch("--no-rate-limit", "turn off Refold's 20 requests/s (bursts of 5) per-org limit", Set(o => o.RateLimit.Enabled = false)),
        Flag<EmulatorOptions>.Number("--latency-ms", "N", "add N ms before every answer", 0, 3_600_000, Set<double>((o, v) => o.Faults.Latency = TimeSpan.FromMilliseconds(v))),
        Flag<EmulatorOptions>.Number("--error-rate", "R", "answer a share R (0..1) of requests with 500/502/503", 0, 1, Set<double>((o, v) => o.Faults.ErrorRate = v)),
        Flag<EmulatorOptions>.Number("--storm-rate", "R", "start a 429 storm on a share R (0..1) of requests", 0, 1, Set<double>((o, v) => o.Faults.StormRate = v)),
        Flag<EmulatorOptions>.WholeNumber("--storm-length", "N", "requests a 429 storm lasts (default 5)", 1, 1_000_000, Set<long>((o, v) => o.Faults.StormLength = (int)v)),
        Flag<EmulatorOptions>.Number("--drop-rate", "R", "abort the connection of a share R (0..1) of requests", 0, 1, Set<double>((o, v) => o.Faults.DropRate = v)),
        Flag<EmulatorOptions>.Number("--drop-after-rate", "R", "apply a share R (0..1) of requests, then abort the connection (answer lost)", 0, 1, Set<double>((o, v) => o.Faults.DropAfterRate = v)),
        Flag<EmulatorOptions>.WholeNumber("--fault-seed", "N", "seed of the fault generator (deterministic faults)", int.MinValue, int.MaxValue, Set<long>((o, v) => o.Faults.Seed = (int)v)),
        Flag<EmulatorOptions>.List("--fault-ops", "A,B", "inject faults only into these operations", ids => ids, Set<IReadOnlyList<string>>((o, v) => o.Faults.Operations = v)),
    ];

    private static RootCommand Root { get; } = Build();

    /// <summary>The generated help (rendered when asked for, not by every process that parses a command line).</summary>
    public static string Usage => CommandLineText.Help(Root);

    /// <summary>Adds every flag to <paramref name="command"/> (<c>refold-mcp emulator</c> offers the same ones).</summary>
    public static void AddFlagsTo(Command command)
    {
        foreach (var flag in Flags)
        {
            command.Add(flag.Option);
        }
    }

    /// <summary>The options the arguments ask for; throws <see cref="ArgumentException"/> naming a bad argument.</summary>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var result = CommandLineText.Parse(Root, args);
        return CommandLineText.FirstError(result) is { } error ? throw new ArgumentException(error) : From(result);
    }

    /// <summary>The options a parse of a command carrying <see cref="Flags"/> asks for, checked.</summary>
    public static EmulatorOptions From(ParseResult result)
    {
        var options = Flags.Aggregate(new EmulatorOptions
        {
            ConfigureLogging = logging => logging.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning),
        }, (o, flag) => flag.ApplyTo(result, o));
        options.Validate();
        return options;
    }

    private static RootCommand Build()
    {
        var root = new RootCommand("Refold emulator: a local Refold API with a seeded demo org.");
        AddFlagsTo(root);
        return root;
    }

    private static string ApiKey(string key) =>
        EmulatorOptions.EnvironmentOfKey(key) is not null ? key : throw new FormatException("--api-key must start with 'tk' (test environment) or 'pk' (production), as Refold's keys do.");

    private static Func<EmulatorOptions, EmulatorOptions> Set(Action<EmulatorOptions> set) => o =>
    {
        set(o);
        return o;
    };

    private static Func<EmulatorOptions, T, EmulatorOptions> Set<T>(Action<EmulatorOptions, T> set) => (o, v) =>
    {
        set(o, v);
        return o;
    };
}
