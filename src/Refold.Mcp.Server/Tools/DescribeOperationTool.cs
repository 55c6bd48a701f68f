using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Mcp.Server.Sessions;

namespace Refold.Mcp.Server.Tools;

/// <summary>Everything about one operation an agent needs to call it: description, input schema, annotations, auth.</summary>
public sealed class DescribeOperationTool : RefoldTool
{
    public const string ToolName = "describe_operation";
    public const int MaxNames = 10;
    private readonly ToolSet _set;

    public DescribeOperationTool(ToolSet set)
    {
        _set = set;
        ProtocolTool = Define(ToolName, "Describe a Refold operation",
            "Shows operations in full: what each does, its input and output schemas, the tool to call it with; names gives {operations}.",
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string", ["description"] = "From search_operations." },
                    ["names"] = new JsonObject
                    {
                        ["type"] = "array",
                        ["items"] = new JsonObject { ["type"] = "string" },
                        ["description"] = $"Up to {MaxNames} names.",
                    },
                },
            },
            ToolHints.Read,
            OutputSchema.Members(("input_schema", "object"), ("output_schema", "object"), ("operations", "array")));
    }

    public override Tool ProtocolTool { get; }

    public override Task<CallToolResult> RunAsync(ToolCall call)
    {
        var arguments = call.Arguments;
        if (CatalogArguments.Unknown(ToolName, arguments, "name", "names") is { } unknown)
        {
            return Task.FromResult(unknown);
        }

        if (arguments["names"] is { } many)
        {
            if (arguments.ContainsKey("name"))
            {
                return Task.FromResult(CatalogArguments.Invalid(ToolName, "names", "pass either 'name' or 'names', not both"));
            }

            if (many is not JsonArray { Count: > 0 and <= MaxNames } list || list.Any(n => n?.GetValueKind() != JsonValueKind.String))
            {
                return Task.FromResult(CatalogArguments.Invalid(ToolName, "names", $"'names' must be an array of 1 to {MaxNames} operation names, got {ArgumentValidator.Clip(many.ToJsonString())}"));
            }

            var described = new JsonArray();
            foreach (var each in list.Select(n => n!.GetValue<string>()).Distinct(StringComparer.Ordinal))
            {
                if (CatalogArguments.Reachable(_set, ToolName, each, out var notFound) is not { } found)
                {
                    return Task.FromResult(notFound!);
                }

                described.Add((JsonNode)Describe(found));
            }

            return Task.FromResult(ToolResults.Success(new JsonObject { ["operations"] = described }, _set.Surface.Budget));
        }

        if (!CatalogArguments.TryString(ToolName, arguments, "name", true, out var name, out var error)
            || CatalogArguments.Reachable(_set, ToolName, name!, out error) is not { } operation)
        {
            return Task.FromResult(error!);
        }

        return Task.FromResult(ToolResults.Success(Describe(operation), _set.Surface.Budget));
    }

    private JsonObject Describe(Operation operation) => new()
    {
        ["name"] = operation.Name,
        ["title"] = operation.Title,
        ["group"] = operation.Group.Id,
        ["description"] = ToolNotes.Describe(operation),
        ["auth"] = operation.Auth.ToString().ToLowerInvariant(),
        ["http"] = $"{operation.Method.Method} {operation.Route}",
        ["annotations"] = new JsonObject
        {
            ["readOnlyHint"] = operation.Hints.ReadOnly,
            ["destructiveHint"] = operation.Hints.Destructive,
            ["idempotentHint"] = operation.Hints.Idempotent,
            ["openWorldHint"] = operation.Hints.OpenWorld,
        },
        ["input_schema"] = ResultShaping.Schema(operation, _set.Shape.SuppliesAccount()),
        ["output_schema"] = OutputSchema.Of(operation),
        ["paged"] = operation.Pagination != Pagination.None,
        ["deprecated"] = operation.Deprecated,
        ["inferred"] = operation.Inferred,
        ["call_with"] = CallOperationTool.NameFor(operation),
    };
}
