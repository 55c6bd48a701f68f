using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Refold.Mcp.Server.Tools;

/// <summary>Source-generated JSON metadata for the few types the server serializes itself.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ServerJson : JsonSerializerContext
{
    /// <summary>For text an agent or a person reads: quotes, apostrophes and non-ASCII letters stay as they are.</summary>
    public static JsonSerializerOptions Readable { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><see cref="Readable"/>, indented, for the CLI.</summary>
    public static JsonSerializerOptions ReadableIndented { get; } = new(Readable) { WriteIndented = true };

    /// <summary>The non-empty string member <paramref name="key"/> of <paramref name="node"/>, or null (any other shape).</summary>
    public static string? Text(JsonObject? node, string key) =>
        node?[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    /// <summary><paramref name="arguments"/> with <c>linked_account_id</c> set when <paramref name="account"/> names one.</summary>
    public static JsonObject WithAccount(JsonObject arguments, string? account)
    {
        if (account is not null)
        {
            arguments["linked_account_id"] = account;
        }

        return arguments;
    }

    public static JsonElement ToElement(JsonNode node) => JsonSerializer.SerializeToElement(node, Default.JsonNode);

    /// <summary>Tool arguments as the catalog's validator and client take them.</summary>
    public static JsonObject? ToObject(IDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            result[name] = JsonSerializer.SerializeToNode(value, Default.JsonElement);
        }

        return result;
    }
}
