using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The input schema of a tool built from customer data (a workflow's request structure, an app action's
/// parameters): only the JSON Schema keywords we also check (<see cref="DataSchemaCheck"/>), with descriptions
/// cleaned as <see cref="UntrustedText"/> and property names limited to plain identifiers. What is advertised is
/// exactly what is validated.
/// </summary>
public static partial class DataSchema
{
    public const int MaxDepth = 8;
    public const int MaxProperties = 100;
    public const int MaxEnumValues = 100;
    private const int MaxDescription = 200;
    private static readonly string[] Types = ["object", "array", "string", "number", "integer", "boolean", "null"];
    private static readonly string[] Bounds = ["minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"];

    /// <summary>An object schema that accepts any object: for a workflow that defines no input schema.</summary>
    public static JsonObject AnyObject(string description) => new()
    {
        ["type"] = "object",
        ["description"] = description,
        ["additionalProperties"] = true,
    };

    /// <summary>
    /// The sanitized copy of <paramref name="schema"/> as a tool's input schema; null when it is not a JSON Schema of
    /// an object (then the caller falls back to <see cref="AnyObject"/>).
    /// </summary>
    public static JsonObject? ForInput(JsonNode? schema) =>
        schema is JsonObject root && root["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "object"
            ? Sanitize(root, 0)
            : null;

    /// <summary>True for a property name we advertise: letters, digits and <c>_ - . $</c>, at most 64 characters.</summary>
    public static bool IsPlainName(string name) => PlainName().IsMatch(name);

    /// <summary>A property schema of one of the JSON types, with a cleaned description.</summary>
    public static JsonObject Property(string type, string? description)
    {
        var property = new JsonObject { ["type"] = Array.IndexOf(Types, type) >= 0 ? type : "string" };
        if (UntrustedText.Clean(description, MaxDescription) is { Length: > 0 } text)
        {
            property["description"] = text;
        }

        return property;
    }

    private static JsonObject Sanitize(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        if (TypeOf(schema["type"]) is { } type)
        {
            result["type"] = type;
        }

        foreach (var key in (string[])["title", "description", "format"])
        {
            if (schema[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && UntrustedText.Clean(v.GetValue<string>(), key == "description" ? MaxDescription : 80) is { Length: > 0 } text)
            {
                result[key] = text;
            }
        }

        foreach (var key in Bounds)
        {
            if (schema[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                result[key] = v.DeepClone();
            }
        }

        if (schema["enum"] is JsonArray values)
        {
            var kept = new JsonArray();
            foreach (var value in values.Take(MaxEnumValues))
            {
                switch (value)
                {
                    case null:
                        kept.Add(null);
                        break;
                    case JsonValue s when s.GetValueKind() == JsonValueKind.String:
                        // An enum value must match exactly: keep it only when cleaning leaves it as it is.
                        if (UntrustedText.Clean(s.GetValue<string>(), 100) == s.GetValue<string>())
                        {
                            kept.Add((JsonNode)s.GetValue<string>());
                        }

                        break;
                    case JsonValue scalar:
                        kept.Add(scalar.DeepClone());
                        break;
                }
            }

            if (kept.Count > 0)
            {
                result["enum"] = kept;
            }
        }

        if (depth >= MaxDepth)
        {
            return result;
        }

        if (schema["properties"] is JsonObject properties)
        {
            var kept = new JsonObject();
            foreach (var (name, property) in properties.Where(p => IsPlainName(p.Key)).Take(MaxProperties))
            {
                kept[name] = property is JsonObject p ? Sanitize(p, depth + 1) : new JsonObject();
            }

            result["properties"] = kept;
            if (schema["required"] is JsonArray required)
            {
                var names = required.OfType<JsonValue>().Where(r => r.GetValueKind() == JsonValueKind.String).Select(r => r.GetValue<string>())
                    .Where(kept.ContainsKey).Distinct(StringComparer.Ordinal).ToArray();
                if (names.Length > 0)
                {
                    result["required"] = new JsonArray([.. names.Select(n => (JsonNode)n)]);
                }
            }
        }

        if (schema["additionalProperties"] is JsonValue additional && additional.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            result["additionalProperties"] = additional.GetValue<bool>();
        }

        if (schema["items"] is JsonObject items)
        {
            result["items"] = Sanitize(items, depth + 1);
        }

        return result;
    }

    private static JsonNode? TypeOf(JsonNode? type) => type switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String && Array.IndexOf(Types, v.GetValue<string>()) >= 0 => v.GetValue<string>(),
        JsonArray a when a.OfType<JsonValue>().Select(t => t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : "").Where(t => Array.IndexOf(Types, t) >= 0).Distinct().ToArray() is { Length: > 0 } kept
            => new JsonArray([.. kept.Select(t => (JsonNode)t)]),
        _ => null,
    };

    [GeneratedRegex(@"^[A-Za-z0-9_.$-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();
}
