using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The most one tool result may cost an agent, in tokens (counted as UTF-8 bytes / 4). A result over it is cut
/// by whole items of its list (a page's docs/rows, a plain array, else its largest array), never mid-JSON, and
/// says so: <c>truncated: true</c> and a <c>truncation</c> object telling how to get the rest. When even no items
/// would not fit, the largest members are left out whole and named.
/// </summary>
public sealed record ResultBudget(int MaxTokens)
{
    public const int DefaultMaxTokens = 25_000;
    public const int BytesPerToken = 4;

    public static ResultBudget Default { get; } = new(DefaultMaxTokens);

    /// <summary>The operation whose result this is (for the next-page arguments), if any.</summary>
    public Operation? Operation { get; init; }

    /// <summary>The arguments the operation was called with (page, limit), if any.</summary>
    public JsonObject? Arguments { get; init; }

    public int MaxBytes => MaxTokens * BytesPerToken;

    /// <summary>UTF-8 size of <paramref name="node"/> as the text content carries it.</summary>
    public static int SizeOf(JsonNode? node) => Encoding.UTF8.GetByteCount(node?.ToJsonString(ServerJson.Readable) ?? "null");

    /// <summary>
    /// <paramref name="structured"/> if it fits, else a copy cut to fit, with <c>truncated</c> and <c>truncation</c>.
    /// Returns null when nothing had to be cut.
    /// </summary>
    public JsonObject? Fit(JsonObject structured)
    {
        if (SizeOf(structured) <= MaxBytes)
        {
            return null;
        }

        var cut = (JsonObject)structured.DeepClone();
        var truncation = new JsonObject { ["budget_tokens"] = MaxTokens };
        cut["truncated"] = true;
        cut["truncation"] = truncation;
        if (ListIn(cut) is { } list)
        {
            CutList(cut, list, truncation);
        }

        if (SizeOf(cut) > MaxBytes)
        {
            OmitLargest(cut, truncation);
        }

        return cut;
    }

    private void CutList(JsonObject cut, string name, JsonObject truncation)
    {
        var all = ((JsonArray)cut[name]!).Select(i => i?.DeepClone()).ToList();

        // The most whole items that fit together with the note saying so (binary search on the count; sizes grow with it).
        int low = 0, high = all.Count;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            Show(cut, name, all, mid, truncation);
            if (SizeOf(cut) <= MaxBytes)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        Show(cut, name, all, low, truncation);
    }

    private void Show(JsonObject cut, string name, List<JsonNode?> all, int count, JsonObject truncation)
    {
        cut[name] = new JsonArray([.. all.Take(count).Select(i => i?.DeepClone())]);
        truncation.Remove("next");
        truncation["list"] = name;
        truncation["shown"] = count;
        truncation["of"] = all.Count;
        truncation["how_to_get_the_rest"] = RestHint(count, truncation);
    }

    private string RestHint(int shown, JsonObject truncation)
    {
        var fields = Operation is not null && ResultShaping.Projects(Operation)
            ? $" or pass {ResultShaping.FieldsArgument} to keep only the members you need"
            : "";
        if (shown == 0)
        {
            return $"Even one item is over the budget: narrow the request{fields}.";
        }

        if (Operation is not { Pagination: not Pagination.None } paged)
        {
            return $"Narrow the request (filters){fields}.";
        }

        // Items before the first one left out, counting every earlier page; a limit that divides it continues exactly there.
        var page = Number(Arguments?["page"], 1);
        var limit = Number(Arguments?["limit"], 10);
        var offset = ((page - 1) * limit) + shown;
        var nextLimit = Enumerable.Range(1, shown).Reverse().First(d => offset % d == 0);
        var nextPage = (offset / nextLimit) + 1;
        truncation["next"] = new JsonObject { ["page"] = nextPage, ["limit"] = nextLimit };
        return string.Create(CultureInfo.InvariantCulture,
            $"Call {paged.Name} again with the same arguments and page {nextPage}, limit {nextLimit} for the items after these (then keep that limit and count pages up){fields}.");
    }

    // Still too big with no items (or no list at all): leave out the largest members whole, naming them.
    private void OmitLargest(JsonObject cut, JsonObject truncation)
    {
        var omitted = new JsonArray();
        truncation["omitted_members"] = omitted;
        var candidates = cut.Where(p => p.Key is not ("truncated" or "truncation")).OrderByDescending(p => SizeOf(p.Value)).Select(p => p.Key).ToList();
        foreach (var key in candidates)
        {
            if (SizeOf(cut) <= MaxBytes)
            {
                break;
            }

            cut.Remove(key);
            omitted.Add((JsonNode)key);
        }

        truncation["how_to_get_the_rest"] ??= Operation is not null && ResultShaping.Projects(Operation)
            ? $"Pass {ResultShaping.FieldsArgument} to ask for fewer members at a time."
            : "Ask for less at a time.";
    }

    // The page's items, a plain array's items, else the largest array member.
    private string? ListIn(JsonObject structured)
    {
        if (Operation is not null && ResultShaping.ListName(Operation) is { } name && structured[name] is JsonArray)
        {
            return name;
        }

        return structured
            .Where(p => p.Value is JsonArray { Count: > 0 })
            .OrderByDescending(p => SizeOf(p.Value))
            .Select(p => p.Key)
            .FirstOrDefault();
    }

    private static int Number(JsonNode? node, int fallback) =>
        node is JsonValue v && v.TryGetValue<int>(out var n) && n > 0 ? n
        : node is JsonValue s && s.TryGetValue<string>(out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed
        : fallback;
}
