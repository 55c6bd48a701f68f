using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Refold.Api.Catalog;

/// <summary>What JSON each <see cref="ParameterType"/> accepts, and how to name it in an error; shared by the client's and the emulator's checks.</summary>
public static class ParameterTypes
{
    /// <summary>True when <paramref name="value"/> (not null) is a JSON value of <paramref name="type"/>.</summary>
    public static bool Accepts(ParameterType type, JsonNode value)
    {
        var kind = value.GetValueKind();
        return type switch
        {
            ParameterType.String => kind == JsonValueKind.String,
            ParameterType.Integer => kind == JsonValueKind.Number && IsWhole(value),
            ParameterType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            ParameterType.Object => kind == JsonValueKind.Object,
            ParameterType.StringArray => value is JsonArray a && a.All(i => i?.GetValueKind() == JsonValueKind.String),
            ParameterType.ObjectArray => value is JsonArray a && a.All(i => i?.GetValueKind() == JsonValueKind.Object),
            ParameterType.ObjectOrObjectArray => kind == JsonValueKind.Object || (value is JsonArray a && a.All(i => i?.GetValueKind() == JsonValueKind.Object)),
            ParameterType.Any => true,
            _ => false,
        };
    }

    /// <summary>
    /// True for a string parameter whose declared set is exactly 'true' and 'false': Refold reads it as text (a
    /// query value or header), but a caller may pass a JSON boolean for it, which is sent as 'true'/'false'.
    /// </summary>
    public static bool IsBooleanText(ParameterType type, IReadOnlyList<string>? values) =>
        type == ParameterType.String && values is { Count: 2 } && values.Contains("true") && values.Contains("false");

    /// <summary>Like <see cref="Accepts(ParameterType, JsonNode)"/>, and also a JSON boolean for a boolean-like string (<see cref="IsBooleanText"/>).</summary>
    public static bool Accepts(ParameterType type, IReadOnlyList<string>? values, JsonNode value) =>
        Accepts(type, value) || (IsBooleanText(type, values) && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False);

    /// <summary>The JSON value to send for <paramref name="value"/>: a JSON boolean given for a boolean-like string becomes its text.</summary>
    public static JsonNode Wire(ParameterType type, IReadOnlyList<string>? values, JsonNode value) =>
        IsBooleanText(type, values) && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? JsonValue.Create(value.GetValueKind() == JsonValueKind.True ? "true" : "false")
            : value.DeepClone();

    /// <summary>As <see cref="Expected(ParameterType)"/>, naming both forms a boolean-like string accepts.</summary>
    public static string Expected(ParameterType type, IReadOnlyList<string>? values) =>
        IsBooleanText(type, values) ? "'true' or 'false' (a string or a JSON boolean)" : Expected(type);

    /// <summary>The type as an error message names it, e.g. "an integer".</summary>
    public static string Expected(ParameterType type) => type switch
    {
        ParameterType.String => "a string",
        ParameterType.Integer => "an integer",
        ParameterType.Boolean => "true or false",
        ParameterType.Object => "a JSON object",
        ParameterType.StringArray => "an array of strings",
        ParameterType.ObjectArray => "an array of objects",
        ParameterType.ObjectOrObjectArray => "an object or an array of objects",
        _ => "any JSON value",
    };

    // JSON Schema counts 2 and 2.0 as integers; the node may hold any CLR number type, so read its JSON text
    // (as a decimal for exactness, as a double beyond the decimal range).
    private static bool IsWhole(JsonNode number)
    {
        var text = number.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
        {
            return m == decimal.Truncate(m);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && Math.Floor(d) == d;
    }
}
