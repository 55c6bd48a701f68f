using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Text a customer wrote (workflow names and descriptions, app action labels) made safe to quote inside our own tool
/// descriptions: one line, no control or invisible format characters, no markup, no double quotes (so the text
/// cannot close the quotes we put around it), and capped in length.
/// </summary>
public static partial class UntrustedText
{
    private const int MaxScanned = 4096;

    /// <summary>The cleaned text, at most <paramref name="max"/> characters (cut text ends with an ellipsis); empty for null.</summary>
    public static string Clean(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Only the start can survive the cap; the rest is never scanned.
        var head = text.Length > MaxScanned ? text[..MaxScanned] : text;
        var builder = new StringBuilder(Math.Min(head.Length, max * 2));
        var space = false;
        foreach (var c in Markup().Replace(head, " "))
        {
            var mapped = c switch
            {
                '"' or '“' or '”' or '«' or '»' => '\'',
                '`' or '*' or '#' or '<' or '>' or '[' or ']' or '{' or '}' or '|' or '\\' or '~' or '_' => ' ',
                _ when char.IsControl(c) || char.IsWhiteSpace(c) => ' ',
                _ when char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned => '\0',
                _ => c,
            };
            if (mapped == '\0')
            {
                continue;
            }

            if (mapped == ' ')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(mapped);
        }

        return builder.Length <= max ? builder.ToString() : builder.ToString(0, max - 1).TrimEnd() + "…";
    }

    /// <summary>Lower-case ASCII letters and digits joined by single underscores, at most <paramref name="max"/> characters; empty when nothing is left.</summary>
    public static string Slug(string? text, int max)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var slug = builder.ToString().Trim('_');
        return slug.Length <= max ? slug : slug[..max].TrimEnd('_');
    }

    // Tags and HTML comments, e.g. <b>, </system>, <!-- ... -->.
    [GeneratedRegex("<!--.*?-->|</?[A-Za-z][^<>]*>", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Markup();
}
