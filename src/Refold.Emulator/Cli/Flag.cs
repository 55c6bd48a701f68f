using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Refold.Emulator.Cli;

/// <summary>
/// One command-line flag, declared once: its System.CommandLine option (name, value name, description, which the
/// help is generated from), how its text is read and checked, and what it sets in <typeparamref name="TOptions"/>.
/// A value that cannot be read becomes a parse error whose one-line message names the flag and what is allowed.
/// </summary>
public sealed class Flag<TOptions>
{
    private readonly Func<ParseResult, TOptions, TOptions> _apply;

    private Flag(Option option, Func<ParseResult, TOptions, TOptions> apply)
    {
        Option = option;
        _apply = apply;
    }

    public Option Option { get; }

    public string Name => Option.Name;

    /// <summary>Sets what the flag says when it was given; returns <paramref name="options"/> unchanged otherwise.</summary>
    public TOptions ApplyTo(ParseResult result, TOptions options) => result.GetResult(Option) is { Implicit: false } ? _apply(result, options) : options;

    /// <summary>A flag without a value (<c>--read-only</c>).</summary>
    public static Flag<TOptions> Switch(string name, string description, Func<TOptions, TOptions> set) =>
        new(new Option<bool>(name) { Description = description, Arity = ArgumentArity.Zero }, (_, o) => set(o));

    /// <summary>A flag with one value; <paramref name="read"/> turns its text into the value or throws <see cref="FormatException"/> saying what is allowed.</summary>
    public static Flag<TOptions> Value<T>(string name, string valueName, string description, Func<string, T> read, Func<TOptions, T, TOptions> set)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = valueName,
            CustomParser = argument => Read(argument, read),
        };
        return new(option, (result, o) => set(o, result.GetValue(option)!));
    }

    /// <summary>A flag whose value is kept as typed (checked later, e.g. with the configuration it merges with).</summary>
    public static Flag<TOptions> Text(string name, string valueName, string description, Func<TOptions, string, TOptions> set) =>
        Value(name, valueName, description, text => text, set);

    /// <summary>A flag taking one of a few words, each meaning one value; the message for another word lists them.</summary>
    public static Flag<TOptions> OneOf<T>(string name, string description, IReadOnlyList<(string Word, T Value)> choices, Func<TOptions, T, TOptions> set)
    {
        var words = choices.Select(c => c.Word).ToList();
        var allowed = words.Count == 1 ? $"'{words[0]}'" : $"{string.Join(", ", words.SkipLast(1).Select(w => $"'{w}'"))} or '{words[^1]}'";
        return Value(name, string.Join('|', words), description, text =>
            choices.FirstOrDefault(c => c.Word == text) is { Word: not null } choice
                ? choice.Value
                : throw new FormatException($"{name} must be {allowed}, got '{text}'."), set);
    }

    /// <summary>A flag taking a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Flag<TOptions> WholeNumber(string name, string valueName, string description, long min, long max, Func<TOptions, long, TOptions> set) =>
        Value(name, valueName, description, text =>
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw new FormatException($"{name} must be a whole number from {min} to {max}, got '{text}'."), set);

    /// <summary>A flag taking a number (invariant culture) from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Flag<TOptions> Number(string name, string valueName, string description, double min, double max, Func<TOptions, double, TOptions> set) =>
        Value(name, valueName, description, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw new FormatException($"{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got '{text}'."), set);

    /// <summary>A flag taking a comma-separated list (entries trimmed, empty ones dropped); <paramref name="read"/> checks the list.</summary>
    public static Flag<TOptions> List<T>(string name, string valueName, string description, Func<IReadOnlyList<string>, T> read, Func<TOptions, T, TOptions> set) =>
        Value(name, valueName, description, text => read(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), set);

    private static T Read<T>(ArgumentResult argument, Func<string, T> read)
    {
        var text = argument.Tokens.Count > 0 ? argument.Tokens[^1].Value : string.Empty;
        try
        {
            return read(text);
        }
        catch (FormatException e)
        {
            argument.AddError(e.Message);
            return default!;
        }
    }
}
