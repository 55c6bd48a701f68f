using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;

namespace Refold.Mcp.Server.Tools;

/// <summary>Finds operations this session can call, by words and/or group: names, titles and one-line summaries, optionally with the input schemas of the best hits.</summary>
public sealed class SearchOperationsTool : RefoldTool
{
    public const string ToolName = "search_operations";

    /// <summary>How many of the best hits carry their input schema when include_schemas is true.</summary>
    public const int SchemaHits = 3;

    private const int DefaultLimit = 20;
    private const int MaxLimit = 50;
    private readonly ToolSet _set;
    private readonly OperationSearch _search;

    public SearchOperationsTool(ToolSet set)
    {
        _set = set;
        _search = new OperationSearch(set.Operations);
        var groups = RefoldCatalog.Groups.Where(g => set.Operations.Any(o => o.Group == g)).Select(g => (JsonNode?)g.Id).ToArray();
        ProtocolTool = Define(ToolName, "Search Refold operations",
            "Finds the Refold operations this session can call, best first, with call_with (the tool that runs each).",
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["query"] = new JsonObject { ["type"] = "string", ["description"] = "Words to look for." },
                    ["group"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(groups), ["description"] = "Only this group." },
                    ["limit"] = new JsonObject { ["type"] = "integer", ["description"] = $"Most results (default {DefaultLimit}, max {MaxLimit})." },
                    ["include_schemas"] = new JsonObject { ["type"] = "boolean", ["description"] = $"Schemas of the top {SchemaHits} too." },
                },
            },
            ToolHints.Read,
            OutputSchema.Members(("operations", "array"), ("total", "integer"), ("truncated", "boolean")));
    }

    public override Tool ProtocolTool { get; }

    public override Task<CallToolResult> RunAsync(ToolCall call)
    {
        var arguments = call.Arguments;
        var limit = DefaultLimit;
        if (CatalogArguments.Unknown(ToolName, arguments, "query", "group", "limit", "include_schemas") is { } unknown)
        {
            return Task.FromResult(unknown);
        }

        if (!CatalogArguments.TryString(ToolName, arguments, "query", false, out var query, out var error)
            || !CatalogArguments.TryString(ToolName, arguments, "group", false, out var group, out error)
            || !CatalogArguments.TryInteger(ToolName, arguments, "limit", 1, MaxLimit, ref limit, out error))
        {
            return Task.FromResult(error!);
        }

        var includeSchemas = arguments["include_schemas"];
        if (includeSchemas is not null && includeSchemas.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Task.FromResult(CatalogArguments.Invalid(ToolName, "include_schemas", $"'include_schemas' must be true or false, got {ArgumentValidator.Clip(includeSchemas.ToJsonString())}"));
        }

        if (group is not null && RefoldCatalog.Groups.All(g => g.Id != group))
        {
            return Task.FromResult(CatalogArguments.Invalid(ToolName, "group",
                $"'group' must be one of {string.Join(", ", RefoldCatalog.Groups.Select(g => g.Id))}, got '{ArgumentValidator.Clip(group)}'"));
        }

        var matches = _search.Rank(query, o => group is null || o.Group.Id == group);
        var withSchemas = includeSchemas?.GetValueKind() == JsonValueKind.True ? SchemaHits : 0;
        var found = new JsonArray();
        foreach (var operation in matches.Take(limit))
        {
            var hit = new JsonObject
            {
                ["name"] = operation.Name,
                ["title"] = operation.Title,
                ["group"] = operation.Group.Id,
                ["summary"] = ToolNotes.Summary(operation),
                ["read_only"] = operation.Hints.ReadOnly,
                ["call_with"] = CallOperationTool.NameFor(operation),
            };
            if (found.Count < withSchemas)
            {
                hit["input_schema"] = ResultShaping.Schema(operation, _set.Shape.SuppliesAccount());
            }

            found.Add((JsonNode)hit);
        }

        return Task.FromResult(ToolResults.Success(new JsonObject
        {
            ["operations"] = found,
            ["total"] = matches.Count,
            ["truncated"] = matches.Count > limit,
        }, _set.Surface.Budget));
    }
}
