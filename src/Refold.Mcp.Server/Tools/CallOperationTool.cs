using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Mcp.Server.Sessions;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Runs any reachable operation by name: one tool for those that only read, one for those that change something,
/// so each keeps honest annotations.
/// </summary>
public sealed class CallOperationTool : RefoldTool
{
    public const string ReadToolName = "call_read_operation";
    public const string WriteToolName = "call_write_operation";
    private readonly ToolSet _set;
    private readonly bool _readOnly;

    public CallOperationTool(ToolSet set, bool readOnly)
    {
        _set = set;
        _readOnly = readOnly;
        var name = readOnly ? ReadToolName : WriteToolName;
        var description = readOnly
            ? "Runs a Refold operation that only reads (find it with search_operations, see its arguments with describe_operation). Returns the operation's JSON result, or a structured error."
            : "Runs a Refold operation that creates, changes, deletes or triggers something (find it with search_operations, see its arguments with describe_operation). Returns the operation's JSON result, or a structured error. Check the operation's own annotations before calling.";
        var hints = readOnly
            ? new ToolHints(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: set.Operations.Any(o => o.Hints.ReadOnly && o.Hints.OpenWorld))
            : new ToolHints(ReadOnly: false, Destructive: true, Idempotent: false, OpenWorld: true);
        ProtocolTool = Define(name, readOnly ? "Call a read-only Refold operation" : "Call a Refold operation that writes", description,
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string", ["description"] = "Operation name, e.g. " + (readOnly ? "'list_schedules'." : "'pause_schedule'.") },
                    ["arguments"] = new JsonObject { ["type"] = "object", ["description"] = "The operation's arguments, as its input schema (describe_operation) says." },
                },
                ["required"] = new JsonArray("name"),
                ["additionalProperties"] = false,
            },
            hints);
    }

    public override Tool ProtocolTool { get; }

    /// <summary>The catalog tool that runs <paramref name="operation"/>.</summary>
    public static string NameFor(Operation operation) => operation.Hints.ReadOnly ? ReadToolName : WriteToolName;

    public override Task<CallToolResult> RunAsync(ToolCall call)
    {
        var arguments = call.Arguments;
        if (CatalogArguments.Unknown(Name, arguments, "name", "arguments") is { } unknown)
        {
            return Task.FromResult(unknown);
        }

        if (!CatalogArguments.TryString(Name, arguments, "name", true, out var name, out var error)
            || CatalogArguments.Reachable(_set, Name, name!, out error) is not { } operation)
        {
            return Task.FromResult(error!);
        }

        if (operation.Hints.ReadOnly != _readOnly)
        {
            return Task.FromResult(CatalogArguments.Invalid(Name, "name",
                $"{operation.Name} {(operation.Hints.ReadOnly ? "only reads" : "changes data")}: call it with {NameFor(operation)}"));
        }

        var inner = arguments?["arguments"];
        if (inner is not null and not JsonObject)
        {
            return Task.FromResult(CatalogArguments.Invalid(Name, "arguments", $"'arguments' must be a JSON object, got {inner.GetValueKind().ToString().ToLowerInvariant()}"));
        }

        return OperationRunner.RunAsync(call.With((JsonObject?)inner?.DeepClone() ?? []), operation);
    }
}
