namespace Refold.Api.Catalog;

/// <summary>How an operation's result is paged.</summary>
public enum Pagination
{
    /// <summary>A single object or a plain array.</summary>
    None,

    /// <summary><c>page</c>/<c>limit</c> query; items in <c>docs</c> with <c>totalDocs</c>, <c>totalPages</c>, <c>hasNextPage</c>.</summary>
    Docs,

    /// <summary><c>page</c>/<c>limit</c> query; items in <c>rows</c> (with <c>headers</c>) and the same counters.</summary>
    Rows,
}
