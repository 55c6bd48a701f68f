using System.Text.Json.Nodes;
using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Cli;

/// <summary>
/// The paging arguments (<c>page</c>, <c>limit</c>) of a paged operation (<see cref="Operation.Pagination"/>). Tool
/// schemas leave them out (the server instructions explain them once), so <c>describe</c> adds them, marked as paging,
/// with the declaration's description (which gives the default).
/// </summary>
public static class PagingArguments
{
    public static bool IsPaging(string name) => name == Param.Page.Name || name == Param.Limit.Name;

    /// <summary>Each paging argument of <paramref name="operation"/> by name, as its schema with the description; none for an unpaged one.</summary>
    public static IReadOnlyList<KeyValuePair<string, JsonNode?>> Of(Operation? operation) =>
        operation is null || operation.Pagination == Pagination.None
            ? []
            : [.. operation.Arguments.Where(a => IsPaging(a.Name)).Select(a =>
            {
                var schema = InputSchema.PropertySchema(a);
                schema["description"] = a.Description;
                return KeyValuePair.Create(a.Name, (JsonNode?)schema);
            })];
}
