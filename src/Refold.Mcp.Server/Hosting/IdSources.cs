using Refold.Api.Catalog;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// Where the ids that tools leave unexplained come from, for the server instructions: derived from the declarations
/// (<see cref="Parameter.Source"/>), one group per source operation the surface reaches, in catalog order, each naming
/// the ids an operation the surface reaches takes, in the order the catalog first declares them. A source the surface
/// lacks is never named.
/// </summary>
public static class IdSources
{
    /// <summary>The source operations <paramref name="surface"/> reaches and the ids each gives.</summary>
    private static IReadOnlyList<(Operation Source, IReadOnlyList<string> Ids)> For(Surface surface)
    {
        // The instructions are one text for every session of the server, so an operation counts when an org key reaches it.
        var reached = RefoldCatalog.Operations.Where(surface.OffersOrgKey).ToList();
        var ids = reached
            .SelectMany(o => o.Parameters)
            .Where(p => p.Source is not null)
            .GroupBy(p => p.Source!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Name).Distinct(StringComparer.Ordinal)], StringComparer.Ordinal);
        return [.. reached.Where(o => ids.ContainsKey(o.Name)).Select(o => (o, ids[o.Name]))];
    }

    /// <summary>The instructions' sentence naming them, or nothing when the surface takes no such id.</summary>
    public static string Sentence(Surface surface)
    {
        var groups = For(surface);
        return groups.Count == 0
            ? ""
            : $"Ids a tool does not explain come from these operations' results: {string.Join(", ", groups.Select(g => $"{g.Source.Name} ({string.Join(", ", g.Ids)})"))}. ";
    }
}
