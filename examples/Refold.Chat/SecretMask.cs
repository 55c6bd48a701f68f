using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Refold.Chat;

/// <summary>Hides credentials before anything is shown or written: secret-named fields and values that look like keys or tokens.</summary>
internal static partial class SecretMask
{
    public const string Hidden = "***";

    /// <summary>A compact one-line view of tool arguments, secrets hidden, each value and the whole cut short.</summary>
    public static string ShortArguments(IEnumerable<KeyValuePair<string, object?>> arguments, int maxLength = 160)
    {
        var parts = arguments.Select(a => $"{a.Key}: {Cut(Value(a.Key, a.Value), 48)}");
        return Cut(string.Join(", ", parts), maxLength);
    }

    /// <summary>A copy of <paramref name="node"/> with secret fields and secret-looking strings replaced.</summary>
    public static JsonNode? Mask(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, IsSecretName(p.Key) && p.Value is not null ? JsonValue.Create(Hidden) : Mask(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Mask)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(MaskText(v.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    /// <summary>Free text with every key- or token-looking word replaced.</summary>
    public static string MaskText(string text) => SecretLike().Replace(text, Hidden);

    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

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

    // "token", "session_token", "x-api-key", "client_secret"…; not counts such as "input_tokens".
    [GeneratedRegex(@"api[_-]?key|secret|password|passwd|authorization|bearer|credential|private[_-]?key|(^|[_-])token$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // Refold API keys (tk…/pk… with a long tail), JWTs, and bearer values.
    [GeneratedRegex(@"\b[tp]k_[A-Za-z0-9_]{16,}\b|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b|(?<=Bearer )[A-Za-z0-9._~+/=-]{12,}")]
    private static partial Regex SecretLike();
}
