using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Mcp.Server.Sessions;

namespace Refold.Mcp.Server.Tools;

/// <summary>Finds operations this session can call, by words and/or group: names, titles and one-line summaries.</summary>
public sealed class SearchOperationsTool : RefoldTool
{
    public const string ToolName = "search_operations";
    private const int DefaultLimit = 20;
    private const int MaxLimit = 50;
    private readonly ToolSet _set;

    public SearchOperationsTool(ToolSet set)
    {
        _set = set;
        var groups = RefoldCatalog.Groups.Where(g => set.Operations.Any(o => o.Group == g)).Select(g => (JsonNode?)g.Id).ToArray();
        ProtocolTool = Define(ToolName, "Search Refold operations",
            "Finds the Refold API operations this session can call, by words (e.g. 'schedule pause', 'webhook') and/or group. Returns name, title, one-line summary and whether it only reads. Next: describe_operation for the arguments, then call_read_operation or call_write_operation.",
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["query"] = new JsonObject { ["type"] = "string", ["description"] = "Words to look for in names, titles and descriptions." },
                    ["group"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(groups), ["description"] = "Only this resource group." },
                    ["limit"] = new JsonObject { ["type"] = "integer", ["description"] = $"Most results (default {DefaultLimit}, max {MaxLimit})." },
                },
                ["additionalProperties"] = false,
            },
            ToolHints.Read);
    }

    public override Tool ProtocolTool { get; }

    public override Task<CallToolResult> RunAsync(ToolCall call)
    {
        var arguments = call.Arguments;
        var limit = DefaultLimit;
        if (CatalogArguments.Unknown(ToolName, arguments, "query", "group", "limit") is { } unknown)
        {
            return Task.FromResult(unknown);
        }

        if (!CatalogArguments.TryString(ToolName, arguments, "query", false, out var query, out var error)
            || !CatalogArguments.TryString(ToolName, arguments, "group", false, out var group, out error)
            || !CatalogArguments.TryInteger(ToolName, arguments, "limit", 1, MaxLimit, ref limit, out error))
        {
            return Task.FromResult(error!);
        }

        if (group is not null && RefoldCatalog.Groups.All(g => g.Id != group))
        {
            return Task.FromResult(CatalogArguments.Invalid(ToolName, "group",
                $"'group' must be one of {string.Join(", ", RefoldCatalog.Groups.Select(g => g.Id))}, got '{group}'"));
        }

        var words = (query ?? "").ToLowerInvariant().Split([' ', ',', '_', '-', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var matches = _set.Operations
            .Where(o => group is null || o.Group.Id == group)
            .Select((o, index) => (Operation: o, Score: Score(o, words), Index: index))
            .Where(m => words.Length == 0 || m.Score > 0)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Index)
            .ToList();

        var found = new JsonArray();
        foreach (var (operation, _, _) in matches.Take(limit))
        {
            found.Add((JsonNode)new JsonObject
            {
                ["name"] = operation.Name,
                ["title"] = operation.Title,
                ["group"] = operation.Group.Id,
                ["summary"] = ToolNotes.Summary(operation),
                ["read_only"] = operation.Hints.ReadOnly,
                ["call_with"] = CallOperationTool.NameFor(operation),
            });
        }

        return Task.FromResult(ToolResults.Success(new JsonObject
        {
            ["operations"] = found,
            ["total"] = matches.Count,
            ["truncated"] = matches.Count > limit,
        }));
    }

    private static int Score(Operation operation, string[] words)
    {
        var score = 0;
        foreach (var word in words)
        {
            if (operation.Name.Contains(word, StringComparison.Ordinal))
            {
                score += 3;
            }

            if (operation.Title.Contains(word, StringComparison.OrdinalIgnoreCase) || operation.Group.Id.Contains(word, StringComparison.Ordinal))
            {
                score += 2;
            }

            if (operation.Description.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                score += 1;
            }
        }

        return score;
    }
}
