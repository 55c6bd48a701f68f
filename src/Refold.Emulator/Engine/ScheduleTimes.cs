using System.Globalization;
using System.Text.Json.Nodes;
using Cronos;
using Refold.Emulator.State;

namespace Refold.Emulator.Engine;

/// <summary>
/// When a schedule fires: a cron expression (5 fields, or 6 with seconds) or a list of interval moments, in the
/// schedule's time zone, inside its optional <c>startDate</c>..<c>endDate</c> window (whole days, YYYY-MM-DD).
/// </summary>
internal static class ScheduleTimes
{
    /// <summary>The parsed cron expression, or null when <paramref name="text"/> is none.</summary>
    public static CronExpression? Cron(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var format = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(text.Trim(), format, out var cron) ? cron : null;
    }

    /// <summary>The IANA (or Windows) zone, UTC when none is given; null when unknown.</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id is "UTC" or "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>
    /// The moments of <c>interval_dates</c>: <c>{day, month, year, hour, minute}</c> (v3) or
    /// <c>{date: {day, month, year, hour, minute, second}, tz}</c> (v2); null when an entry is not a real date.
    /// </summary>
    public static List<DateTimeOffset>? Moments(JsonArray? dates, TimeZoneInfo zone)
    {
        var moments = new List<DateTimeOffset>();
        foreach (var entry in (dates ?? []).OfType<JsonObject>())
        {
            var parts = entry["date"] as JsonObject ?? entry;
            var entryZone = entry.Str("tz") is { } tz ? Zone(tz) : zone;
            int? Part(string name) => Numbers.Long(parts[name]) is { } n ? (int)n : null;
            if (entryZone is null || Part("year") is not { } year || Part("month") is not { } month || Part("day") is not { } day)
            {
                return null;
            }

            try
            {
                var local = new DateTime(year, month, day, Part("hour") ?? 0, Part("minute") ?? 0, Part("second") ?? 0, DateTimeKind.Unspecified);
                moments.Add(new DateTimeOffset(local, entryZone.GetUtcOffset(local)));
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        return moments.Count == (dates?.Count ?? 0) ? [.. moments.Order()] : null;
    }

    /// <summary>The schedule's next firing strictly after <paramref name="after"/>, or null when it will not fire again.</summary>
    public static DateTimeOffset? Next(JsonObject schedule, DateTimeOffset after)
    {
        var options = schedule["options"] as JsonObject ?? [];
        var zone = Zone(options.Str("tz")) ?? TimeZoneInfo.Utc;
        var start = Day(options.Str("startDate")) is { } s ? LocalMidnight(s, zone) : (DateTimeOffset?)null;
        var end = Day(options.Str("endDate")) is { } e ? LocalMidnight(e.AddDays(1), zone) : (DateTimeOffset?)null;
        var from = start is { } first && first > after ? first.AddTicks(-1) : after;

        DateTimeOffset? next = schedule.Str("trigger_type") == "cron"
            ? Cron(schedule.Str("cron_patten"))?.GetNextOccurrence(from, zone)
            : Moments(schedule["trigger_interval"] as JsonArray, zone)?.Cast<DateTimeOffset?>().FirstOrDefault(m => m > from);
        return next is { } n && (end is null || n < end) ? n : null;
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
