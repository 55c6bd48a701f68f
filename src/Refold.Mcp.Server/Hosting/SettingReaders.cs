using System.Globalization;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// How a <see cref="Setting"/>'s text is read, whichever source it came from: each takes the text and the name of its
/// source (<c>--rate</c>, <c>REFOLD_RATE</c>, <c>Refold:PermitsPerSecond in --config</c>) and throws a
/// <see cref="FormatException"/> naming that source and what is allowed.
/// </summary>
public static class SettingReaders
{
    /// <summary>The text, trimmed.</summary>
    public static string Text(string text, string source) => text.Trim();

    /// <summary>A number in the invariant culture (<c>0.2</c>).</summary>
    public static double Number(string text, string source) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
            ? n
            : throw new FormatException($"{source} must be a number, got '{text}'.");

    /// <summary>A whole number; its range is checked by the options it sets.</summary>
    public static int WholeNumber(string text, string source) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{source} must be a whole number, got '{text}'.");

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Func<string, string, int> WholeNumber(int min, int max) => (text, source) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{source} must be a whole number from {min} to {max}, got '{text}'.");

    /// <summary>A duration: seconds above 0 and up to a day (<c>45</c>, <c>0.5</c>), or a TimeSpan (<c>00:00:45</c>).</summary>
    public static TimeSpan Seconds(string text, string source)
    {
        var value = text.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
        {
            return s > 0 && s <= 86_400 ? TimeSpan.FromSeconds(s) : throw NotSeconds(text, source);
        }

        return value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero && span <= TimeSpan.FromDays(1)
            ? span
            : throw NotSeconds(text, source);
    }

    private static FormatException NotSeconds(string text, string source) => new($"{source} must be a number of seconds, got '{text}'.");
}
