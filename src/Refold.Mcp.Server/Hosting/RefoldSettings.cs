using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using R = Refold.Mcp.Server.Hosting.SettingReaders;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// The Refold client's limits an operator may set: each a <see cref="Setting"/> with its flag, environment variable
/// and key of the <c>Refold</c> section of the <c>--config</c> file (property names of <see cref="RefoldOptions"/>;
/// the file may set the other limits too). Flags and variables take seconds for durations; the file takes either
/// seconds or a TimeSpan (<c>"00:00:45"</c>).
/// </summary>
public static class RefoldSettings
{
    public const string Section = "Refold";

    public static IReadOnlyList<Setting> All { get; } =
    [
        Limit("--org-id", "REFOLD_ORG_ID", nameof(RefoldOptions.OrgId), "ID", "org of the API key: its calls share that org's rate limit with its session tokens", R.Text, (r, v) => r.OrgId = v),
        Limit("--rate", "REFOLD_RATE", nameof(RefoldOptions.PermitsPerSecond), "N", "Refold's limit in requests/s per org (default 20)", R.WholeNumber, (r, v) => r.PermitsPerSecond = v),
        Limit("--burst", "REFOLD_BURST", nameof(RefoldOptions.Burst), "N", "Refold's burst per org (default 5)", R.WholeNumber, (r, v) => r.Burst = v),
        Limit("--headroom", "REFOLD_HEADROOM", nameof(RefoldOptions.Headroom), "N", "share of rate and burst left unused (default 0.1: 18/s, bursts of 4)", R.Number, (r, v) => r.Headroom = v),
        Limit("--retries", "REFOLD_RETRIES", nameof(RefoldOptions.MaxRetries), "N", "retries of an idempotent call (default 3)", R.WholeNumber, (r, v) => r.MaxRetries = v),
        Limit("--attempt-timeout", "REFOLD_ATTEMPT_TIMEOUT", nameof(RefoldOptions.AttemptTimeout), "SECONDS", "seconds one attempt may take, its wait for a rate-limit permit included (default 30)", R.Seconds, (r, v) => r.AttemptTimeout = v),
        Limit("--deadline", "REFOLD_DEADLINE", nameof(RefoldOptions.CallDeadline), "SECONDS", "seconds one tool call's Refold request may take in all, retries included (default 45)", R.Seconds, (r, v) => r.CallDeadline = v),
        // Only in the file (README: "sets any RefoldOptions property").
        Limit(null, null, nameof(RefoldOptions.QueueLimit), "", "", R.WholeNumber, (r, v) => r.QueueLimit = v),
        Limit(null, null, nameof(RefoldOptions.MaxBuckets), "", "", R.WholeNumber, (r, v) => r.MaxBuckets = v),
        Limit(null, null, nameof(RefoldOptions.RetryBaseDelay), "", "", R.Seconds, (r, v) => r.RetryBaseDelay = v),
        Limit(null, null, nameof(RefoldOptions.MaxRetryDelay), "", "", R.Seconds, (r, v) => r.MaxRetryDelay = v),
        Limit(null, null, nameof(RefoldOptions.BreakerFailureRatio), "", "", R.Number, (r, v) => r.BreakerFailureRatio = v),
        Limit(null, null, nameof(RefoldOptions.BreakerMinimumThroughput), "", "", R.WholeNumber, (r, v) => r.BreakerMinimumThroughput = v),
        Limit(null, null, nameof(RefoldOptions.BreakerSamplingDuration), "", "", R.Seconds, (r, v) => r.BreakerSamplingDuration = v),
        Limit(null, null, nameof(RefoldOptions.BreakerDuration), "", "", R.Seconds, (r, v) => r.BreakerDuration = v),
    ];

    /// <summary>Sets <paramref name="target"/> from the limits <see cref="ServerSettings.Resolve"/> gathered, then checks it.</summary>
    /// <exception cref="UsageException">A value out of range, naming it.</exception>
    public static void Bind(RefoldOptions target, ServerOptions options)
    {
        foreach (var apply in options.RefoldLimits.Values)
        {
            apply(target);
        }

        try
        {
            target.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"Refold settings ({Sources(options)}): {e.Message}");
        }
    }

    private static Setting Limit<T>(string? flag, string? variable, string property, string valueName, string help, Func<string, string, T> read, Action<RefoldOptions, T> apply) =>
        Setting.Of(flag, variable, $"{Section}:{property}", valueName, help, read,
            o => o.RefoldLimits.ContainsKey(property),
            (o, v) => o with { RefoldLimits = new Dictionary<string, Action<RefoldOptions>>(o.RefoldLimits, StringComparer.Ordinal) { [property] = r => apply(r, v) } });

    private static string Sources(ServerOptions options) =>
        options.ConfigFile is null ? "flags and REFOLD_* variables" : $"--config {options.ConfigFile}, flags and REFOLD_* variables";
}
