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
                problems.Add((name, $"unknown argument '{name}' ({known})"));
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
            return $"'{argument.Name}' must be one of {string.Join(", ", allowed.Select(v => $"'{v}'"))}, got '{value.GetValue<string>()}'";
        }

        if (argument.Enum is { Count: > 0 } items && value is JsonArray array
            && array.Select(i => i!.GetValue<string>()).FirstOrDefault(i => !items.Contains(i)) is { } stray)
        {
            return $"'{argument.Name}' may only hold {string.Join(", ", items.Select(v => $"'{v}'"))}, got '{stray}'";
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

    private static string Expected(Argument argument) => ParameterTypes.Expected(argument.Type, argument.Enum);

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => $"the string \"{Truncate(value.GetValue<string>())}\"",
        JsonValueKind.Number => $"the number {value.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.ToJsonString()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
