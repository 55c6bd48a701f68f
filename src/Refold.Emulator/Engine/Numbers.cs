using System.Globalization;
using System.Text.Json.Nodes;

namespace Refold.Emulator.Engine;

/// <summary>Reads whole numbers from JSON documents, however they were built (parsed text or a CLR int/long/double).</summary>
internal static class Numbers
{
    public static long? Long(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return null;
        }

        var text = value.ToJsonString();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? (long)real : null;
    }
}
