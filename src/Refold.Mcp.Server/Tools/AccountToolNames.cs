namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Names for tools built from data: the prefix and a slug of the label, e.g. <c>wf_lead_router</c>. When labels
/// slug to the same name, the one with the smallest id keeps it and the others get the end of their id appended
/// (<c>wf_lead_router_a1b2c3</c>), so the same data always gives the same names, and a newer record (Refold ids grow)
/// does not rename an older one's tool. A label with nothing left to slug gives the id's end alone.
/// </summary>
public static class AccountToolNames
{
    /// <summary>MCP tool names are at most 64 characters.</summary>
    public const int MaxLength = 64;
    private const int SuffixLength = 6;

    /// <summary>One name per item, in the items' order.</summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<(string Prefix, string Label, string Id)> items)
    {
        var slugs = items.Select(i => UntrustedText.Slug(UntrustedText.Clean(i.Label, 200), MaxLength - i.Prefix.Length - SuffixLength - 3)).ToArray();
        var bases = items.Select((item, i) => item.Prefix + (slugs[i].Length > 0 ? slugs[i] : "id")).ToArray();
        var names = new string[items.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => bases[i], StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(i => items[i].Id, StringComparer.Ordinal).ToList();
            for (var k = 0; k < ordered.Count; k++)
            {
                var i = ordered[k];
                var name = k == 0 && slugs[i].Length > 0 ? bases[i] : bases[i] + "_" + Tail(items[i].Id, SuffixLength);
                for (var n = 2; !taken.Add(name); n++)
                {
                    name = bases[i] + "_" + Tail(items[i].Id, SuffixLength) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                names[i] = name;
            }
        }

        return names;
    }

    private static string Tail(string id, int length)
    {
        var slug = UntrustedText.Slug(id, 200).Replace("_", "", StringComparison.Ordinal);
        return slug.Length <= length ? slug : slug[^length..];
    }
}
