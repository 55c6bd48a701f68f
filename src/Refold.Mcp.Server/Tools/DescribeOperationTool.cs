using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Mcp.Server.Sessions;

namespace Refold.Mcp.Server.Tools;

/// <summary>Everything about one operation an agent needs to call it: description, input schema, annotations, auth.</summary>
public sealed class DescribeOperationTool : RefoldTool
{
    public const string ToolName = "describe_operation";
    private readonly ToolSet _set;

    public DescribeOperationTool(ToolSet set)
    {
        _set = set;
        ProtocolTool = Define(ToolName, "Describe a Refold operation",
            "Shows one Refold operation in full: what it does, its input schema (the arguments to pass), whether it reads or writes, and which tool runs it. Use it after search_operations and before calling.",
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string", ["description"] = "Operation name from search_operations, e.g. 'pause_schedule'." },
                },
                ["required"] = new JsonArray("name"),
                ["additionalProperties"] = false,
            },
            ToolHints.Read);
    }

    public override Tool ProtocolTool { get; }

    public override Task<CallToolResult> RunAsync(ToolCall call)
    {
        var arguments = call.Arguments;
        if (CatalogArguments.Unknown(ToolName, arguments, "name") is { } unknown)
        {
            return Task.FromResult(unknown);
        }

        if (!CatalogArguments.TryString(ToolName, arguments, "name", true, out var name, out var error)
            || CatalogArguments.Reachable(_set, ToolName, name!, out error) is not { } operation)
        {
            return Task.FromResult(error!);
        }

        return Task.FromResult(ToolResults.Success(new JsonObject
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
            ["input_schema"] = DryRun.InputSchemaOf(operation, _set.Shape.SuppliesAccount()),
            ["paged"] = operation.Pagination != Pagination.None,
            ["deprecated"] = operation.Deprecated,
            ["inferred"] = operation.Inferred,
            ["call_with"] = CallOperationTool.NameFor(operation),
        }));
    }
}
