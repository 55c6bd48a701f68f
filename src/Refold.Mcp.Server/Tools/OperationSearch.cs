using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Ranks operations for a free-text query. A word counts most when it names the operation (its name), then its
/// title, then its group, then its description; a word that many operations share counts less than a rare one, so
/// "wait for execution to finish" is decided by "wait" and "finish", not by "execution"; and an operation that
/// matches more of the words ranks above one that matches fewer. Words match by stem
/// ("events" ~ "event", "subscribe" ~ "subscription") and through a few synonyms of Refold's vocabulary
/// ("failure" ~ "errored", "customer" ~ "linked account").
/// </summary>
public sealed class OperationSearch
{
    private const double NameWeight = 4, TitleWeight = 3, GroupWeight = 1.5, DescriptionWeight = 1;

    private static readonly HashSet<string> s_stopWords =
        ["a", "an", "the", "to", "for", "of", "and", "or", "in", "on", "at", "by", "with", "my", "me", "is", "it", "its", "be", "how", "do", "i", "all", "from", "into"];

    // Refold's words for what agents often call otherwise (both directions are looked up).
    private static readonly Dictionary<string, string[]> s_synonyms = new(StringComparer.Ordinal)
    {
        ["fail"] = ["error", "errored"],
        ["failure"] = ["error", "errored"],
        ["failed"] = ["error", "errored"],
        ["finish"] = ["complete", "completed", "end"],
        ["done"] = ["complete", "completed"],
        ["run"] = ["execution", "execute"],
        ["runs"] = ["execution", "execute"],
        ["customer"] = ["linked", "account"],
        ["customers"] = ["linked", "account"],
        ["notify"] = ["webhook"],
        ["notification"] = ["webhook"],
        ["approve"] = ["human", "task", "submit"],
        ["approval"] = ["human", "task", "submit"],
        ["variable"] = ["env"],
        ["job"] = ["schedule", "execution"],
    };

    private readonly IReadOnlyList<Entry> _entries;

    public OperationSearch(IEnumerable<Operation> operations)
    {
        _entries = [.. operations.Select(o => new Entry(o, Words(o.Name), Words(o.Title), Words(o.Group.Id), Words(o.Description)))];
    }

    /// <summary>The operations matching <paramref name="query"/> (all of them when it has no words), best first, catalog order on ties.</summary>
    public IReadOnlyList<Operation> Rank(string? query, Func<Operation, bool> filter)
    {
        var candidates = _entries.Where(e => filter(e.Operation)).ToList();
        var words = Words(query ?? "").Where(w => !s_stopWords.Contains(w)).Distinct().ToList();
        if (words.Count == 0)
        {
            return [.. candidates.Select(e => e.Operation)];
        }

        var rarity = words.ToDictionary(w => w, w => Rarity(w, candidates.Count(e => Weight(e, w) > 0), candidates.Count));
        return [.. candidates
            .Select((e, index) => (e.Operation, Score: Score(e, words, rarity), Index: index))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Index)
            .Select(m => m.Operation)];
    }

    // Rarer words weigh more; an operation that matches more of the query's words beats one that matches a few strongly.
    private static double Score(Entry entry, List<string> words, Dictionary<string, double> rarity)
    {
        var weights = words.Select(w => Weight(entry, w) * rarity[w]).ToList();
        var covered = (double)weights.Count(w => w > 0) / words.Count;
        return weights.Sum() * covered;
    }

    private static double Rarity(string word, int matches, int total) => matches == 0 ? 0 : Math.Log(1 + ((double)total / matches));

    // The best place a query word (or one of its synonyms, at a little less) matches in one operation.
    private static double Weight(Entry entry, string word)
    {
        var best = Weight(entry, word, 1.0);
        foreach (var synonym in s_synonyms.GetValueOrDefault(word, []))
        {
            best = Math.Max(best, Weight(entry, synonym, 0.8));
        }

        return best;
    }

    private static double Weight(Entry entry, string word, double factor) => factor * (
        entry.Name.Any(t => Matches(word, t)) ? NameWeight
        : entry.Title.Any(t => Matches(word, t)) ? TitleWeight
        : entry.Group.Any(t => Matches(word, t)) ? GroupWeight
        : entry.Description.Any(t => Matches(word, t)) ? DescriptionWeight
        : 0);

    // Same word, or the same stem: a shared prefix of at least 4 letters that leaves at most 3 letters over on the
    // shorter word ("event"/"events", "subscribe"/"subscription", "fail"/"failed", "finish"/"finished").
    private static bool Matches(string word, string token)
    {
        if (word == token)
        {
            return true;
        }

        var shorter = Math.Min(word.Length, token.Length);
        if (shorter < 4)
        {
            return false;
        }

        var common = 0;
        while (common < shorter && word[common] == token[common])
        {
            common++;
        }

        return common >= 4 && common >= shorter - 3;
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '_', '-', '/', '.', ':', ';', '(', ')', '\'', '"', '{', '}', '[', ']'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed record Entry(Operation Operation, string[] Name, string[] Title, string[] Group, string[] Description);
}
