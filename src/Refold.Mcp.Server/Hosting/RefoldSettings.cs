using System.Globalization;
using Microsoft.Extensions.Configuration;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// The Refold client's limits an operator may set, each by flag, environment variable and configuration file (the
/// <c>Refold</c> section of the JSON file given with <c>--config</c>, property names of <see cref="RefoldOptions"/>).
/// Later sources win: file, then environment, then flags. Flags and variables take seconds for durations; the file
/// takes either seconds or a TimeSpan (<c>"00:00:45"</c>).
/// </summary>
public static class RefoldSettings
{
    public const string Section = "Refold";

    /// <summary>One setting: its flag, its environment variable, the <see cref="RefoldOptions"/> property and whether it is seconds.</summary>
    public sealed record Setting(string Flag, string Variable, string Property, bool Seconds, string Help);

    public static IReadOnlyList<Setting> All { get; } =
    [
        new("--org-id", "REFOLD_ORG_ID", nameof(RefoldOptions.OrgId), false, "org of the API key: its calls share that org's rate limit with its session tokens"),
        new("--rate", "REFOLD_RATE", nameof(RefoldOptions.PermitsPerSecond), false, "Refold's limit in requests/s per org (default 20)"),
        new("--burst", "REFOLD_BURST", nameof(RefoldOptions.Burst), false, "Refold's burst per org (default 5)"),
        new("--headroom", "REFOLD_HEADROOM", nameof(RefoldOptions.Headroom), false, "share of rate and burst left unused (default 0.1: 18/s, bursts of 4)"),
        new("--retries", "REFOLD_RETRIES", nameof(RefoldOptions.MaxRetries), false, "retries of an idempotent call (default 3)"),
        new("--attempt-timeout", "REFOLD_ATTEMPT_TIMEOUT", nameof(RefoldOptions.AttemptTimeout), true, "seconds one attempt may take (default 30)"),
        new("--deadline", "REFOLD_DEADLINE", nameof(RefoldOptions.CallDeadline), true, "seconds one tool call's Refold request may take in all, retries included (default 45)"),
    ];

    public static Setting? ByFlag(string flag) => All.FirstOrDefault(s => s.Flag == flag);

    /// <summary>Sets <paramref name="target"/> from the file, the environment and the flags, then checks it.</summary>
    /// <exception cref="UsageException">A value that cannot be read or is out of range, naming where it came from.</exception>
    public static void Bind(RefoldOptions target, ServerOptions options, Func<string, string?> environment)
    {
        var builder = new ConfigurationBuilder();
        if (options.ConfigFile is { } file)
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new UsageException($"--config: no file at '{file}'.");
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddInMemoryCollection(All.Select(s => Entry(s, environment(s.Variable), s.Variable)).OfType<KeyValuePair<string, string?>>());
        builder.AddInMemoryCollection(All.Select(s => Entry(s, options.RefoldSettings.GetValueOrDefault(s.Flag), s.Flag)).OfType<KeyValuePair<string, string?>>());

        try
        {
            var section = builder.Build().GetSection(Section);
            foreach (var setting in All.Where(s => s.Seconds))
            {
                // The file may say seconds too: 45 is read as 45 s, not 45 days.
                if (section[setting.Property] is { } raw && Seconds(raw) is { } seconds)
                {
                    section[setting.Property] = seconds;
                }
            }

            section.Bind(target);
            target.Validate();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or InvalidDataException)
        {
            throw new UsageException($"Refold settings ({Sources(options)}): {e.Message}");
        }
    }

    private static KeyValuePair<string, string?>? Entry(Setting setting, string? value, string source)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (setting.Seconds)
        {
            value = Seconds(value) ?? throw new UsageException($"{source} must be a number of seconds, got '{value}'.");
        }
        else if (setting.Property != nameof(RefoldOptions.OrgId) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new UsageException($"{source} must be a number, got '{value}'.");
        }

        return new($"{Section}:{setting.Property}", value);
    }

    private static string? Seconds(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 86_400
            ? TimeSpan.FromSeconds(s).ToString("c", CultureInfo.InvariantCulture)
            : null;

    private static string Sources(ServerOptions options) =>
        options.ConfigFile is null ? "flags and REFOLD_* variables" : $"--config {options.ConfigFile}, flags and REFOLD_* variables";
}
