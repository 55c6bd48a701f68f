using System.Text.Json;
using System.Text.Json.Nodes;

namespace Refold.Emulator.State;

/// <summary>Small readers for JSON documents and bodies.</summary>
public static class Doc
{
    /// <summary>The string value of <paramref name="key"/>, or null when absent or not a string.</summary>
    public static string? Str(this JsonNode? node, string key) =>
        node is JsonObject o && o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The boolean value of <paramref name="key"/>, or null when absent or not a boolean.</summary>
    public static bool? Bool(this JsonNode? node, string key) =>
        node is JsonObject o && o[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    /// <summary>True when <paramref name="doc"/>[<paramref name="key"/>] is the string <paramref name="value"/>.</summary>
    public static bool Is(JsonObject doc, string key, string? value) => value is not null && doc.Str(key) == value;

    /// <summary>A copy of <paramref name="doc"/> without the given keys (secrets stripped from a response).</summary>
    public static JsonObject Without(this JsonObject doc, params ReadOnlySpan<string> keys)
    {
        var copy = (JsonObject)doc.DeepClone();
        foreach (var key in keys)
        {
            copy.Remove(key);
        }

        return copy;
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, or removes it when the value is null or empty.</summary>
    public static void SetOrRemove(this JsonObject doc, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            doc.Remove(key);
        }
        else
        {
            doc[key] = value;
        }
    }

    /// <summary>A JSON array of copies of <paramref name="items"/>.</summary>
    public static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items.Select(i => i?.DeepClone())]);

    /// <summary>Any scalar as text (numbers and booleans as written in JSON); null for null, objects as JSON.</summary>
    public static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
