using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Checks a value against a schema made by <see cref="DataSchema"/> (the subset it keeps): type, required,
/// properties, additionalProperties, items, enum and the numeric/length bounds. The first problem found names the
/// field by its path, e.g. <c>contact.email</c> or <c>lines[2].sku</c>.
/// </summary>
public static class DataSchemaCheck
{
    /// <summary>The first problem as (field path, what is wrong), or null when <paramref name="value"/> fits.</summary>
    public static (string Field, string Problem)? Check(JsonObject schema, JsonNode? value, string path = "")
    {
        if (schema["type"] is { } type && !FitsType(type, value))
        {
            return (Field(path), $"'{Field(path)}' must be {Describe(type)}, got {KindOf(value)}");
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            return (Field(path), $"'{Field(path)}' must be one of {allowed.ToJsonString()}, got {Shorten(value)}");
        }

        if (Bounds(schema, value, path) is { } outOfBounds)
        {
            return outOfBounds;
        }

        if (value is JsonObject obj)
        {
            var properties = schema["properties"] as JsonObject;
            foreach (var required in (schema["required"] as JsonArray ?? []).OfType<JsonValue>().Select(r => r.GetValue<string>()))
            {
                if (obj[required] is null)
                {
                    var field = Join(path, required);
                    return (field, $"missing required field '{field}'");
                }
            }

            foreach (var (name, member) in obj)
            {
                var field = Join(path, name);
                if (properties?[name] is JsonObject propertySchema)
                {
                    if (member is null && !FitsType(propertySchema["type"], null) && propertySchema["type"] is not null)
                    {
                        return (field, $"'{field}' must be {Describe(propertySchema["type"]!)}, got null");
                    }

                    if (member is not null && Check(propertySchema, member, field) is { } problem)
                    {
                        return problem;
                    }
                }
                else if (schema["additionalProperties"] is JsonValue additional && additional.GetValueKind() == JsonValueKind.False)
                {
                    var known = properties is { Count: > 0 } ? string.Join(", ", properties.Select(p => p.Key)) : "none";
                    return (field, $"unknown field '{field}' (expected: {known})");
                }
            }
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (Check(items, array[i], $"{path}[{i}]") is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static (string, string)? Bounds(JsonObject schema, JsonNode? value, string path)
    {
        var field = Field(path);
        double? Bound(string key) => schema[key] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
        (string, string)? Outside(string what, double actual, string minKey, string maxKey) =>
            Bound(minKey) is { } min && actual < min ? (field, $"'{field}' {what} at least {min.ToString(CultureInfo.InvariantCulture)}")
            : Bound(maxKey) is { } max && actual > max ? (field, $"'{field}' {what} at most {max.ToString(CultureInfo.InvariantCulture)}")
            : null;

        return value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => Outside("must be", v.GetValue<double>(), "minimum", "maximum"),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => Outside("must have a length of", v.GetValue<string>().Length, "minLength", "maxLength"),
            JsonArray a => Outside("must have a count of", a.Count, "minItems", "maxItems"),
            _ => null,
        };
    }

    private static bool FitsType(JsonNode? type, JsonNode? value) => type switch
    {
        null => true,
        JsonArray types => types.Any(t => FitsType(t, value)),
        JsonValue t => t.GetValue<string>() switch
        {
            "object" => value is JsonObject,
            "array" => value is JsonArray,
            "string" => value?.GetValueKind() == JsonValueKind.String,
            "number" => value?.GetValueKind() == JsonValueKind.Number,
            "integer" => value?.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<double>(out var d) && Math.Floor(d) == d && !double.IsInfinity(d),
            "boolean" => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            "null" => value is null,
            _ => true,
        },
        _ => true,
    };

    private static string Describe(JsonNode type) => type is JsonArray types
        ? string.Join(" or ", types.Select(t => Describe(t!)))
        : type.GetValue<string>() switch
        {
            "object" or "array" or "integer" => "an " + type.GetValue<string>(),
            var other => "a " + other,
        };

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static string Shorten(JsonNode? value)
    {
        var json = value?.ToJsonString() ?? "null";
        return json.Length <= 60 ? json : json[..59] + "…";
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Field(string path) => path.Length == 0 ? "arguments" : path;
}
