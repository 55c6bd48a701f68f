using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Refold.Api.Client;

/// <summary>
/// How secrets are recognized before anything is shown or written: fields whose name says secret (<c>api_key</c>,
/// <c>client_secret</c>, <c>password</c>, <c>token</c>...) and values that look like Refold keys, JWTs or bearer values.
/// </summary>
public static partial class SecretFields
{
    public const string Hidden = "***";

    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>A copy of <paramref name="node"/> with secret fields and secret-looking strings replaced by <see cref="Hidden"/>.</summary>
    public static JsonNode? Mask(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, IsSecretName(p.Key) && p.Value is not null ? JsonValue.Create(Hidden) : Mask(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Mask)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(MaskText(v.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    /// <summary>Free text with every key- or token-looking word replaced.</summary>
    public static string MaskText(string text) => SecretLike().Replace(text, Hidden);

    // "token", "session_token", "x-api-key", "client_secret"…; not counts such as "input_tokens".
    [GeneratedRegex(@"api[_-]?key|secret|password|passwd|authorization|bearer|credential|private[_-]?key|(^|[_-])token$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // Refold API keys (tk…/pk… with a long tail), JWTs, and bearer values.
    [GeneratedRegex(@"\b[tp]k_[A-Za-z0-9_]{16,}\b|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b|(?<=Bearer )[A-Za-z0-9._~+/=-]{12,}")]
    private static partial Regex SecretLike();
}
