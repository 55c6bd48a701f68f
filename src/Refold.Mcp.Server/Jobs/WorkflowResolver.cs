using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Jobs;

/// <summary>
/// Finds the one published workflow a caller means by its id, its alias or its name (exact, ignoring case), among
/// the org's workflows and, for a linked account, that account's private ones.
/// </summary>
public static partial class WorkflowResolver
{
    private const int PageSize = 50;
    private const int MaxPages = 10;

    [GeneratedRegex("^[0-9a-fA-F]{24}$")]
    private static partial Regex ObjectId();

    /// <summary>The workflow document (as list_workflows shows it), or a NotFound / BadRequest error naming the candidates.</summary>
    /// <param name="account">The linked_account_id argument to pass on, or null when the credential names it.</param>
    public static async Task<JsonObject> ResolveAsync(ToolCall call, string tool, string reference, string? account)
    {
        var wanted = reference.Trim();
        var workflows = await ListAsync(call, account, publishedOnly: true).ConfigureAwait(false);
        List<JsonObject> matches = ObjectId().IsMatch(wanted)
            ? [.. workflows.Where(w => ServerJson.Text(w, "_id") == wanted)]
            : [.. workflows.Where(w => string.Equals(ServerJson.Text(w, "workflow_alias"), wanted, StringComparison.OrdinalIgnoreCase))];
        if (matches.Count == 0)
        {
            matches = [.. workflows.Where(w => string.Equals(ServerJson.Text(w, "name")?.Trim(), wanted, StringComparison.OrdinalIgnoreCase))];
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw Failure(tool, RefoldErrorKind.NotFound, "WORKFLOW_NOT_FOUND",
                $"No published workflow with the id, alias or name '{Shorten(wanted)}' is visible to this account.",
                workflows.Count == 0
                    ? "This account sees no published workflow; list_workflows shows drafts and unpublished ones."
                    : "Published workflows: " + string.Join("; ", workflows.Take(10).Select(Label)) + (workflows.Count > 10 ? "; ..." : "") + ". Pass one of these ids or names."),
            _ => throw Failure(tool, RefoldErrorKind.BadRequest, "AMBIGUOUS_WORKFLOW",
                $"{matches.Count} published workflows are named '{Shorten(wanted)}'.",
                "Pass the id of the one you mean: " + string.Join("; ", matches.Select(Label)) + "."),
        };
    }

    /// <summary>
    /// The workflows the session sees for <paramref name="account"/>: the org's, and the account's private ones when
    /// an account is named (by the argument or the credential); up to 10 pages of 50 of each.
    /// </summary>
    public static async Task<List<JsonObject>> ListAsync(ToolCall call, string? account, bool publishedOnly)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var scopes = account is not null || call.Session.Credential?.LinkedAccountId is not null ? new[] { null, "private" } : [null];
        foreach (var scope in scopes)
        {
            for (var page = 1; page <= MaxPages; page++)
            {
                var arguments = ServerJson.WithAccount(new JsonObject { ["page"] = page, ["limit"] = PageSize }, account);
                if (publishedOnly)
                {
                    arguments["published"] = "true";
                }

                if (scope is not null)
                {
                    arguments["scope"] = scope;
                }

                var result = await OperationRunner.SendAsync(call, Workflows.ListWorkflows, arguments).ConfigureAwait(false);
                var docs = (result as JsonObject)?["docs"] as JsonArray ?? [];
                foreach (var doc in docs.OfType<JsonObject>().Where(d => !publishedOnly || d["published"]?.GetValueKind() != System.Text.Json.JsonValueKind.False))
                {
                    if (ServerJson.Text(doc, "_id") is { } id)
                    {
                        found.TryAdd(id, doc);
                    }
                }

                if (docs.Count < PageSize || (result as JsonObject)?["hasNextPage"]?.GetValueKind() == System.Text.Json.JsonValueKind.False)
                {
                    break;
                }
            }
        }

        return [.. found.Values];
    }

    private static string Label(JsonObject workflow) => $"{ServerJson.Text(workflow, "_id")} \"{Shorten(ServerJson.Text(workflow, "name") ?? "")}\"";

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;


    private static RefoldApiException Failure(string tool, RefoldErrorKind kind, string code, string message, string hint) =>
        new(new RefoldError { Kind = kind, Outcome = RefoldOutcome.NotSent, ErrorCode = code, Message = message, Operation = tool, Argument = "workflow", Hint = hint });
}
