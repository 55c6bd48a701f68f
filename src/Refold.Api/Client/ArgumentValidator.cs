using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Api.Errors;

namespace Refold.Api.Client;

/// <summary>
/// Checks tool arguments against an operation's declared arguments before anything is sent, and names
/// every argument that is unknown, missing or of the wrong type.
/// </summary>
public static class ArgumentValidator
{
    /// <summary>Longest string sent in a URL path or an HTTP header (ids, slugs, names): Refold's ids are far shorter.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Longest query string value (search words, filters).</summary>
    public const int MaxQueryLength = 2_048;

    /// <summary>Largest other argument value (a body field, object or array), in characters of its JSON.</summary>
    public const int MaxValueLength = 256 * 1024;

    /// <summary>Most characters of a caller's value quoted back in an error message.</summary>
    public const int MaxEcho = 40;

    /// <summary>Null when the arguments are acceptable; otherwise an <see cref="RefoldErrorKind.InvalidArgument"/> error.</summary>
    public static RefoldError? Validate(ToolDeclaration operation, JsonObject? arguments, bool accountSupplied = false)
    {
        var problems = new List<(string Argument, string Problem)>();
        var declared = operation.Arguments;
        foreach (var (name, value) in arguments ?? [])
        {
            var argument = declared.FirstOrDefault(a => a.Name == name);
            if (argument is null)
            {
                var known = declared.Count == 0 ? "it takes no arguments" : "expected one of: " + string.Join(", ", declared.Select(a => a.Name));
                problems.Add((Clip(name), $"unknown argument '{Clip(name)}' ({known})"));
            }
            else if (value is not null && Check(argument, value) is { } problem)
            {
                problems.Add((name, problem));
            }
        }

        foreach (var argument in declared)
        {
            var missing = arguments?[argument.Name] is null;
            if (missing && argument.Required && !(accountSupplied && argument.IsAccountScope))
            {
                problems.Add((argument.Name, $"missing required argument '{argument.Name}' ({Expected(argument)}: {argument.Description})"));
            }
        }

        if (problems.Count == 0)
        {
            return null;
        }

        var message = problems.Count == 1
            ? $"Invalid arguments for {operation.Name}: {problems[0].Problem}."
            : $"Invalid arguments for {operation.Name}: {string.Join("; ", problems.Select(p => p.Problem))}.";
        return RefoldErrorMapper.Local(operation, RefoldErrorKind.InvalidArgument, "INVALID_ARGUMENT", message, problems[0].Argument);
    }

    private static string? Check(Argument argument, JsonNode value)
    {
        var kind = value.GetValueKind();
        var ok = ParameterTypes.Accepts(argument.Type, argument.Enum, value);
        if (!ok)
        {
            return $"'{argument.Name}' must be {Expected(argument)}, got {Describe(value)}";
        }

        if (argument.Enum is { Count: > 0 } allowed && kind == JsonValueKind.String && !allowed.Contains(value.GetValue<string>()))
        {
            return $"'{argument.Name}' must be one of {string.Join(", ", allowed.Select(v => $"'{v}'"))}, got '{Clip(value.GetValue<string>())}'";
        }

        if (argument.Enum is { Count: > 0 } items && value is JsonArray array
            && array.Select(i => i!.GetValue<string>()).FirstOrDefault(i => !items.Contains(i)) is { } stray)
        {
            return $"'{argument.Name}' may only hold {string.Join(", ", items.Select(v => $"'{v}'"))}, got '{Clip(stray)}'";
        }

        if (TooLong(argument, value) is { } tooLong)
        {
            return tooLong;
        }

        if (kind == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            var inPath = argument.Declarations.Any(p => p.In == ParameterLocation.Path);
            var inHeader = argument.Declarations.Any(p => p.In == ParameterLocation.Header);
            if (inPath && text.Length == 0)
            {
                return $"'{argument.Name}' must not be empty";
            }

            // "." and ".." are path segments, not ids: the URL would be normalised onto another route.
            if (inPath && text.All(c => c == '.'))
            {
                return $"'{argument.Name}' must be an id, not '{text}'";
            }

            if ((inPath || inHeader) && text.Any(char.IsControl))
            {
                return $"'{argument.Name}' must not contain control characters such as line breaks";
            }

            if (inHeader && text.Any(c => c > '~'))
            {
                return $"'{argument.Name}' must be plain ASCII text, because it travels in an HTTP header";
            }
        }

        return null;
    }

    /// <summary>The limit of <see cref="MaxIdLength"/>, <see cref="MaxQueryLength"/> or <see cref="MaxValueLength"/> that fits where the argument goes.</summary>
    public static int LimitOf(Argument argument) => argument.Declarations.Any(p => p.In is ParameterLocation.Path or ParameterLocation.Header)
        ? MaxIdLength
        : argument.Declarations.Any(p => p.In == ParameterLocation.Query && !p.Spread) ? MaxQueryLength : MaxValueLength;

    private static string? TooLong(Argument argument, JsonNode value)
    {
        var limit = LimitOf(argument);
        var length = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Length : value.ToJsonString().Length;
        return length <= limit
            ? null
            : $"'{argument.Name}' is too long: {length} characters, the most this server sends is {limit}{(limit == MaxValueLength ? " (as JSON)" : "")}";
    }

    private static string Expected(Argument argument) => ParameterTypes.Expected(argument.Type, argument.Enum);

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => $"the string \"{Clip(value.GetValue<string>())}\"",
        JsonValueKind.Number => $"the number {value.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.ToJsonString()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>A caller's value as an error message may quote it: at most <see cref="MaxEcho"/> characters.</summary>
    public static string Clip(string s) => s.Length > MaxEcho ? s[..MaxEcho] + "…" : s;
}
