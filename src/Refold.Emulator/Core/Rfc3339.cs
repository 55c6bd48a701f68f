using System.Globalization;
using System.Text.RegularExpressions;

namespace Refold.Emulator.Core;

/// <summary>
/// Reads the <c>format: date-time</c> values of Refold's document (RFC 3339), whose offsets go up to ±23:59 while
/// <see cref="DateTimeOffset"/> stops at ±14:00: such an instant is read as its UTC equivalent. Other ISO 8601 forms
/// (a date alone, no offset = UTC) are read as <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, DateTimeStyles, out DateTimeOffset)"/> does.
/// </summary>
public static partial class Rfc3339
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (WideOffset().Match(text) is { Success: true } m)
        {
            var hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (hours > 23 || minutes > 59
                || !DateTime.TryParse(m.Groups["local"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                return false;
            }

            var offset = new TimeSpan(hours, minutes, 0) * (m.Groups["sign"].Value == "-" ? -1 : 1);
            var utc = DateTime.SpecifyKind(local, DateTimeKind.Unspecified) - offset;
            if (utc < DateTime.MinValue.AddDays(1) || utc > DateTime.MaxValue.AddDays(-1))
            {
                return false;
            }

            value = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    // A full date-time whose numeric offset DateTimeOffset cannot hold (beyond ±14:00).
    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?)(?<sign>[+-])(?<h>\d{2}):(?<m>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WideOffset();
}
