using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Mcp.Server.Sessions;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Runs any reachable operation by name: one tool for those that only read, one for those that change something,
/// one for those that destroy something, so each keeps honest annotations and refuses the other kinds.
/// </summary>
public sealed class CallOperationTool : RefoldTool
{
    public const string ReadToolName = "call_read_operation";
    public const string WriteToolName = "call_write_operation";
    public const string DestructiveToolName = "call_destructive_operation";
    private readonly ToolSet _set;
    private readonly CallKind _kind;

    public CallOperationTool(ToolSet set, CallKind kind)
    {
        _set = set;
        _kind = kind;
        var (name, title, example, description, hints) = kind switch
        {
            CallKind.Read => (ReadToolName, "Call a read-only Refold operation", "'list_schedules'.",
                "Runs a Refold operation that only reads (from search_operations; describe_operation shows its schemas).",
                new ToolHints(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: set.Operations.Any(o => o.Hints.ReadOnly && o.Hints.OpenWorld))),
            CallKind.Write => (WriteToolName, "Call a Refold operation that writes", "'pause_schedule'.",
                "Runs a Refold operation that creates, changes or triggers something, not a delete.",
                new ToolHints(ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: true)),
            _ => (DestructiveToolName, "Call a destructive Refold operation", "'delete_webhook'.",
                "Runs a Refold operation that deletes, replaces, revokes or runs something, once the user confirms.",
                new ToolHints(ReadOnly: false, Destructive: true, Idempotent: false, OpenWorld: true)),
        };
        ProtocolTool = Define(name, title, description,
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string", ["description"] = "Operation name, e.g. " + example },
                    ["arguments"] = new JsonObject { ["type"] = "object", ["description"] = "Its arguments." },
                },
                ["required"] = new JsonArray("name"),
            },
            hints,
            // The result is the called operation's; describe_operation gives each one's output_schema.
            OutputSchema.AnyObject());
    }

    public override Tool ProtocolTool { get; }

    /// <summary>The kind of call <paramref name="operation"/> is.</summary>
    public static CallKind KindOf(Operation operation) =>
        operation.Hints.ReadOnly ? CallKind.Read : operation.Hints.Destructive ? CallKind.Destructive : CallKind.Write;

    /// <summary>The catalog tool that runs <paramref name="operation"/>.</summary>
    public static string NameFor(Operation operation) => KindOf(operation) switch
    {
        CallKind.Read => ReadToolName,
        CallKind.Write => WriteToolName,
        _ => DestructiveToolName,
    };

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

        if (KindOf(operation) != _kind)
        {
            var what = KindOf(operation) switch
            {
                CallKind.Read => "only reads",
                CallKind.Write => "changes data without deleting anything",
                _ => "deletes or replaces data",
            };
            return Task.FromResult(CatalogArguments.Invalid(Name, "name", $"{operation.Name} {what}: call it with {NameFor(operation)}"));
        }

        var inner = arguments?["arguments"];
        if (inner is not null and not JsonObject)
        {
            return Task.FromResult(CatalogArguments.Invalid(Name, "arguments", $"'arguments' must be a JSON object, got {inner.GetValueKind().ToString().ToLowerInvariant()}"));
        }

        return OperationRunner.RunAsync(call.With((JsonObject?)inner?.DeepClone() ?? []), operation);
    }
}
