using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Checks a value against customer-defined JSON Schema (a workflow's request structure, an app action's parameters)
/// with JsonSchema.Net, and names each field at fault by its path, e.g. <c>contact.email</c> or <c>lines[2].sku</c>.
/// </summary>
public static class DataSchemaCheck
{
    private const int MaxProblems = 5;

    /// <summary>The first problem as (field path, what is wrong), or null when <paramref name="value"/> fits.</summary>
    public static (string Field, string Problem)? Check(JsonNode? schema, JsonNode? value) =>
        Problems(schema, value) is [var first, ..] ? first : null;

    /// <summary>
    /// Up to five problems of <paramref name="value"/> under <paramref name="schema"/>; none when it fits, or when the
    /// schema is not one JsonSchema.Net can read (a schema Refold holds but that is broken is not ours to enforce).
    /// </summary>
    public static IReadOnlyList<(string Field, string Problem)> Problems(JsonNode? schema, JsonNode? value)
    {
        if (schema is not JsonObject)
        {
            return [];
        }

        JsonSchemaLibrary.EnsureLoaded();
        EvaluationResults result;
        try
        {
            var compiled = JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
            using var document = JsonDocument.Parse(value?.ToJsonString() ?? "null");
            result = compiled.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }
        catch (Exception e) when (e is JsonException or JsonSchemaException or RefResolutionException or ArgumentException or InvalidOperationException or FormatException)
        {
            return [];
        }

        if (result.IsValid)
        {
            return [];
        }

        var problems = new List<(string Field, string Problem)>();
        foreach (var detail in (result.Details ?? []).Prepend(result))
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                var segments = Segments(detail.InstanceLocation.ToString());
                var problem = keyword == "required" && Missing(schema, detail, value, segments) is { } missing
                    ? (Path(value, [.. segments, missing]), $"missing required field '{Path(value, [.. segments, missing])}'")
                    : (Path(value, segments), segments.Count == 0 ? message : $"'{Path(value, segments)}': {message}");
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
        }

        return problems.Count > 0 ? problems.Take(MaxProblems).ToList() : [("", "the value does not match the schema")];
    }

    // The first name the "required" keyword at that place lists and the instance lacks.
    private static string? Missing(JsonNode schema, EvaluationResults detail, JsonNode? value, List<string> instance)
    {
        var required = Follow(schema, [.. Segments(detail.EvaluationPath.ToString()), "required"]) as JsonArray;
        var target = Follow(value, instance) as JsonObject;
        return required?.OfType<JsonValue>().Select(r => r.ToString()).FirstOrDefault(name => target?.ContainsKey(name) == false);
    }

    private static JsonNode? Follow(JsonNode? node, IEnumerable<string> segments)
    {
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    // A JSON pointer as dotted names and [indexes]: /lines/1/qty → lines[1].qty.
    private static string Path(JsonNode? value, List<string> segments)
    {
        var path = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            if (value is JsonArray && int.TryParse(segment, out _))
            {
                path.Append('[').Append(segment).Append(']');
            }
            else
            {
                path.Append(path.Length > 0 ? "." : "").Append(segment);
            }

            value = Follow(value, [segment]);
        }

        return path.ToString();
    }

    private static List<string> Segments(string pointer) =>
        [.. pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Uri.UnescapeDataString(s).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
}
