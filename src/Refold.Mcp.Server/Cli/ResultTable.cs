using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Refold.Mcp.Server.Cli;

/// <summary>
/// A list result as a short table for a terminal: a row per item and a few telling columns picked from the items'
/// shape (an id, a name, a status, a time), then the count and the result's other plain members (paging, notes).
/// Anything else (a list beside the list, nested objects) is left to <c>--json</c>.
/// </summary>
public static class ResultTable
{
    private const int MaxCell = 40;

    // Each group gives at most one column, in this order; within a group the earlier name wins. A column whose value is
    // the same in every row (the org, the environment) tells nothing and is skipped.
    private static readonly string[][] s_groups =
    [
        ["id", "_id"],
        ["*_id", "*Id"],
        ["name", "title", "label", "node_name", "email", "key", "slug"],
        ["status", "state", "enabled", "active", "type", "method", "event", "environment"],
        ["updated_at", "updatedAt", "created_at", "createdAt", "*_at", "timestamp"],
    ];

    /// <summary>Writes <paramref name="result"/> as a table when it is a list (or an object holding one list of objects); false otherwise.</summary>
    public static bool TryWrite(JsonNode? result, TextWriter output)
    {
        if (ListOf(result) is not { } list)
        {
            return false;
        }

        var (items, rest) = list;
        var columns = Columns(items);
        var rows = items.Select(item => columns.Select(c => Cell(item[c])).ToArray()).ToList();
        var widths = columns.Select((c, i) => rows.Select(r => r[i].Length).Append(c.Length).Max()).ToArray();
        if (items.Count > 0)
        {
            output.WriteLine(Line(columns.Select(c => c.ToUpperInvariant()).ToArray(), widths));
            foreach (var row in rows)
            {
                output.WriteLine(Line(row, widths));
            }

            output.WriteLine();
        }

        var footer = new StringBuilder(items.Count == 1 ? "1 item" : $"{items.Count} items");
        foreach (var (key, value) in rest)
        {
            footer.Append($"; {key}: {Cell(value)}");
        }

        output.WriteLine(footer.Append(". --json prints every field.").ToString());
        return true;
    }

    private static (List<JsonObject> Items, List<KeyValuePair<string, JsonNode?>> Others)? ListOf(JsonNode? result)
    {
        if (result is JsonArray array)
        {
            return array.All(i => i is JsonObject) ? ([.. array.Cast<JsonObject>()], []) : null;
        }

        if (result is not JsonObject obj)
        {
            return null;
        }

        var lists = obj.Where(p => p.Value is JsonArray a && a.All(i => i is JsonObject)).ToList();
        if (lists.Count != 1 || obj.Any(p => p.Value is JsonArray && p.Key != lists[0].Key))
        {
            return null;
        }

        // Beside the list, the plain facts worth a glance (paging, a note); null and false ones say nothing.
        return ([.. ((JsonArray)lists[0].Value!).Cast<JsonObject>()],
            [.. obj.Where(p => p.Key != lists[0].Key && p.Value is not null && IsPlain(p.Value) && p.Value.GetValueKind() != JsonValueKind.False)]);
    }

    private static List<string> Columns(List<JsonObject> items)
    {
        var keys = items.Take(20).SelectMany(i => i.Where(p => IsPlain(p.Value)).Select(p => p.Key)).Distinct(StringComparer.Ordinal)
            .Where(k => items.Count < 2 || items.Select(i => Cell(i[k])).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .ToList();
        var chosen = new List<string>();
        foreach (var group in s_groups)
        {
            if (group.SelectMany(name => keys.Where(k => Matches(k, name))).FirstOrDefault(k => !chosen.Contains(k)) is { } key)
            {
                chosen.Add(key);
            }
        }

        chosen.AddRange(keys.Where(k => !chosen.Contains(k)).Take(Math.Max(0, 3 - chosen.Count)));
        return [.. chosen.Take(5)];
    }

    private static bool Matches(string key, string name) =>
        name.StartsWith('*') ? key.EndsWith(name[1..], StringComparison.Ordinal) && key.Length > name.Length - 1 : key == name;

    private static bool IsPlain(JsonNode? value) => value is null || value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static string Cell(JsonNode? value)
    {
        var text = value switch
        {
            null => "",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => value.ToJsonString(),
        };
        text = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        return text.Length <= MaxCell ? text : text[..(MaxCell - 1)] + "…";
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
