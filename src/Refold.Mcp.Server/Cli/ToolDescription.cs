using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Cli;

/// <summary>
/// <c>refold-mcp describe TOOL</c>: a tool's title, description, annotations and arguments, read from the tool the
/// server lists (its input schema is derived from the declaration, so this says exactly what a client is told).
/// </summary>
public static class ToolDescription
{
    /// <param name="paging">The operation's paging arguments (<see cref="PagingArguments.Of"/>): listed too when the schema leaves them out, marked as paging.</param>
    public static void Write(Tool tool, TextWriter output, IReadOnlyList<KeyValuePair<string, JsonNode?>>? paging = null)
    {
        output.WriteLine($"{tool.Name}: {tool.Title}");
        output.WriteLine();
        output.WriteLine(tool.Description);
        output.WriteLine();
        if (tool.Annotations is { } a)
        {
            output.WriteLine($"Annotations: {Hint(a.ReadOnlyHint, "read-only", "writes")}, {Hint(a.DestructiveHint, "destructive", "not destructive")}, {Hint(a.IdempotentHint, "idempotent", "not idempotent")}, {Hint(a.OpenWorldHint, "open world", "closed world")}");
        }

        var schema = JsonNode.Parse(tool.InputSchema.GetRawText()) as JsonObject;
        var required = (schema?["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        var properties = (schema?["properties"] as JsonObject)?.ToList() ?? [];
        var listed = properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        properties.AddRange((paging ?? []).Where(p => !listed.Contains(p.Key)));
        if (properties.Count == 0)
        {
            output.WriteLine("Arguments: none");
            return;
        }

        output.WriteLine("Arguments:");
        var width = properties.Max(p => p.Key.Length);
        foreach (var (name, value) in properties)
        {
            var property = value as JsonObject ?? [];
            var facts = new List<string> { TypeOf(property), required.Contains(name) ? "required" : "optional" };
            if (paging?.Any(p => p.Key == name) == true)
            {
                facts.Add("paging");
            }

            if ((property["enum"] ?? property["items"]?["enum"]) is JsonArray values)
            {
                facts.Add("one of " + string.Join(", ", values.Select(v => v?.ToJsonString())));
            }

            output.WriteLine($"  {name.PadRight(width)}  {string.Join(", ", facts)}");
            if (ServerJson.Text(property, "description") is { Length: > 0 } description)
            {
                output.WriteLine($"  {new string(' ', width)}  {description}");
            }
        }
    }

    /// <summary>The closest names to <paramref name="name"/> among the tools and operations of <paramref name="set"/>, best first.</summary>
    public static IReadOnlyList<string> Nearest(ToolSet set, string name, int count = 3)
    {
        var words = name.Replace('_', ' ').Replace('-', ' ');
        var byWords = new OperationSearch(set.Operations).Rank(words, _ => true).Select(o => o.Name);
        var byText = set.Tools.Select(t => t.Name).Concat(set.Operations.Select(o => o.Name))
            .Where(n => n.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(n, StringComparison.OrdinalIgnoreCase));
        return [.. byText.Concat(byWords).Distinct(StringComparer.Ordinal).Take(count)];
    }

    private static string Hint(bool? value, string yes, string no) => value == true ? yes : no;

    private static string TypeOf(JsonObject property) => property["type"] switch
    {
        JsonArray types => string.Join(" or ", types.Select(t => t?.GetValue<string>())),
        JsonValue type when type.GetValue<string>() == "array" && property["items"]?["type"] is JsonValue item => $"array of {item.GetValue<string>()}",
        JsonValue type => type.GetValue<string>(),
        _ => property["anyOf"] is not null || property["oneOf"] is not null ? "one of several shapes" : "any JSON",
    };
}
