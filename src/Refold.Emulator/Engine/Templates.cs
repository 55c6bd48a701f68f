using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Refold.Emulator.State;

namespace Refold.Emulator.Engine;

/// <summary>
/// Refold's <c>{{path}}</c> placeholders, as workflow node inputs and webhook body templates use them
/// (<c>{{payload.email}}</c>, <c>{{node.2.contacts}}</c>, <c>{{event.instance_id}}</c>). A string that is exactly one
/// placeholder becomes the value it names (object, number, ...); placeholders inside longer text become text.
/// A path walks object keys and array indexes separated by dots; an unknown path is null (empty inside text).
/// </summary>
internal static partial class Templates
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>A copy of <paramref name="template"/> with every placeholder replaced from <paramref name="context"/>.</summary>
    public static JsonNode? Render(JsonNode? template, JsonObject context) => template switch
    {
        JsonObject o => new JsonObject([.. o.Select(p => KeyValuePair.Create(p.Key, Render(p.Value, context)))]),
        JsonArray a => new JsonArray([.. a.Select(i => Render(i, context))]),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => RenderText(v.GetValue<string>(), context),
        _ => template?.DeepClone(),
    };

    /// <summary>The value at a dotted <paramref name="path"/> inside <paramref name="root"/>, or null.</summary>
    public static JsonNode? Resolve(JsonNode? root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static JsonNode? RenderText(string text, JsonObject context)
    {
        var whole = Placeholder().Match(text);
        if (whole.Success && whole.Index == 0 && whole.Length == text.Length)
        {
            return Resolve(context, whole.Groups[1].Value)?.DeepClone();
        }

        return JsonValue.Create(Placeholder().Replace(text, m => Doc.Text(Resolve(context, m.Groups[1].Value)) ?? ""));
    }
}
