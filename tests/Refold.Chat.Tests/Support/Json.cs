using System.Text.Json;

namespace Refold.Chat.Tests.Support;

internal static class Json
{
    public static string? Str(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The transcript lines of one type.</summary>
    public static IEnumerable<JsonElement> OfType(this IEnumerable<JsonElement> lines, string type) => lines.Where(l => l.Str("type") == type);
}
