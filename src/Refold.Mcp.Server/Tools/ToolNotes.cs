using System.Text;
using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tools;

/// <summary>Short notes added to an operation's description, generated from its declaration (never per tool).</summary>
public static class ToolNotes
{
    /// <summary>
    /// The description a listed tool carries: the declaration's, plus a deprecation or inference note. No auth or
    /// paging sentence: a session lists only what its credential may call, and the server instructions say once how
    /// <c>linked_account_id</c>, <c>page</c>/<c>limit</c>, <c>dry_run</c> and <c>fields</c> work.
    /// </summary>
    public static string Listed(Operation operation)
    {
        var text = new StringBuilder(operation.Description.TrimEnd());
        if (operation.Deprecated)
        {
            text.Append(" Deprecated: prefer the replacement named above.");
        }

        if (operation.Inferred)
        {
            text.Append(" Inferred: Refold's sources only hint at it; its shape is a best reading.");
        }

        return text.ToString();
    }

    /// <summary>The description describe_operation shows: the listed one plus who may call it and whether it is paged.</summary>
    public static string Describe(Operation operation)
    {
        var text = new StringBuilder(Listed(operation));
        text.Append(' ').Append(AuthNote(operation.Auth));
        if (operation.Pagination != Pagination.None)
        {
            text.Append(" Paged: pass page (from 1) and limit.");
        }

        return text.ToString();
    }

    public static string AuthNote(AuthLevel auth) => auth switch
    {
        AuthLevel.Org => "Needs the org API key.",
        AuthLevel.Account => "Acts as one linked account: its session token, or the org API key with linked_account_id (the server mints that account's token).",
        AuthLevel.Either => "Acts for one linked account: the org API key with linked_account_id, or that account's session token.",
        _ => "Public: needs no credential.",
    };

    /// <summary>The first sentence of the description, for search results.</summary>
    public static string Summary(Operation operation)
    {
        var text = operation.Description;
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }
}
