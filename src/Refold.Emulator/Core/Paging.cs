using System.Text.Json.Nodes;

namespace Refold.Emulator.Core;

/// <summary>Refold's mongoose-paginate envelope (README §6). Plain-array endpoints simply return a <see cref="JsonArray"/>.</summary>
public static class Paging
{
    /// <summary>
    /// One page of <paramref name="all"/> as <c>{docs, totalDocs, limit, page, totalPages, pagingCounter, hasPrevPage,
    /// hasNextPage, prevPage, nextPage}</c>; <paramref name="itemsKey"/> renames <c>docs</c> (e.g. <c>rows</c>).
    /// </summary>
    public static JsonObject Page(IReadOnlyList<JsonNode?> all, int page, int limit, string itemsKey = "docs")
    {
        var totalPages = Math.Max(1, (int)Math.Ceiling(all.Count / (double)limit));
        var items = all.Skip((page - 1) * limit).Take(limit).Select(d => d?.DeepClone());
        var hasPrev = page > 1;
        var hasNext = page < totalPages;
        return new JsonObject
        {
            [itemsKey] = new JsonArray([.. items]),
            ["totalDocs"] = all.Count,
            ["limit"] = limit,
            ["page"] = page,
            ["totalPages"] = totalPages,
            ["pagingCounter"] = ((page - 1) * limit) + 1,
            ["hasPrevPage"] = hasPrev,
            ["hasNextPage"] = hasNext,
            ["prevPage"] = hasPrev ? page - 1 : null,
            ["nextPage"] = hasNext ? page + 1 : null,
        };
    }

    /// <summary>The page the request asks for (<c>page</c>, <c>limit</c> query; default limit <paramref name="defaultLimit"/>).</summary>
    public static JsonObject Page(EmulatorRequest request, IReadOnlyList<JsonNode?> all, int defaultLimit = 10, string itemsKey = "docs")
    {
        var (page, limit) = request.Paging(defaultLimit);
        return Page(all, page, limit, itemsKey);
    }
}
