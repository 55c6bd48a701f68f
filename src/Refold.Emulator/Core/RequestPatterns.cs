using System.Text.RegularExpressions;

namespace Refold.Emulator.Core;

/// <summary>Refold's regex filters (Mongo <c>$regex</c>: unanchored, case-sensitive) built from request values.</summary>
public static class RequestPatterns
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The regular expression <paramref name="pattern"/> sent in <paramref name="field"/>; 400 naming the field when it
    /// does not compile. Matching is bounded by a timeout, so a pathological pattern cannot hang the emulator.
    /// </summary>
    public static Regex Pattern(this EmulatorRequest request, string field, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, s_timeout);
        }
        catch (ArgumentException)
        {
            throw request.BadRequest($"{field} is not a valid regular expression: '{pattern}'");
        }
    }

    /// <summary>True when <paramref name="regex"/> matches <paramref name="text"/>; false for null text or a match that times out.</summary>
    public static bool MatchesText(this Regex regex, string? text)
    {
        if (text is null)
        {
            return false;
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
