using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Refold.Api.Client;

namespace Refold.Chat;

/// <summary>Hides credentials before anything is shown or written, as the server's <see cref="SecretFields"/> recognizes them.</summary>
internal static class SecretMask
{
    public const string Hidden = SecretFields.Hidden;

    /// <summary>A compact one-line view of tool arguments, secrets hidden, each value and the whole cut short.</summary>
    public static string ShortArguments(IEnumerable<KeyValuePair<string, object?>> arguments, int maxLength = 160)
    {
        var parts = arguments.Select(a => $"{a.Key}: {Cut(Value(a.Key, a.Value), 48)}");
        return Cut(string.Join(", ", parts), maxLength);
    }

    /// <summary>A copy of <paramref name="node"/> with secret fields and secret-looking strings replaced.</summary>
    public static JsonNode? Mask(JsonNode? node) => SecretFields.Mask(node);

    /// <summary>Free text with every key- or token-looking word replaced.</summary>
    public static string MaskText(string text) => SecretFields.MaskText(text);

    public static bool IsSecretName(string name) => SecretFields.IsSecretName(name);

    private static string Value(string key, object? value)
    {
        if (IsSecretName(key) && value is not null)
        {
            return Hidden;
        }

        var node = value switch
        {
            null => null,
            JsonElement e => JsonNode.Parse(e.GetRawText()),
            JsonNode n => n,
            string s => JsonValue.Create(s),
            _ => JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions),
        };
        return Mask(node) switch
        {
            null => "null",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var n => n.ToJsonString(),
        };
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
