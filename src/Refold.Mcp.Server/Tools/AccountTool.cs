using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// A tool built at run time from one linked account's data (a workflow enabled for it, an action of an app it has
/// connected). Its input schema is sanitized customer data (<see cref="DataSchema"/>); a call is checked against
/// exactly that schema, naming the field, and then runs one catalog operation through <see cref="OperationRunner"/>,
/// so the checks every operation call gets apply here too.
/// </summary>
public abstract class AccountTool : RefoldTool
{
    private readonly JsonObject _schema;

    protected AccountTool(string name, string title, string description, JsonObject schema, Operation operation, JsonObject outputSchema)
    {
        _schema = schema;
        Operation = operation;
        ProtocolTool = Define(name, title, description, schema, operation.Hints, outputSchema);
        Fingerprint = string.Join('\n', name, title, description, schema.ToJsonString());
    }

    /// <summary>The operation a call runs.</summary>
    public Operation Operation { get; }

    public override Tool ProtocolTool { get; }

    /// <summary>Everything listed about the tool; two tools with the same fingerprint look the same to a client.</summary>
    public string Fingerprint { get; }

    public override Task<CallToolResult> RunAsync(ToolCall call)
    {
        if (DataSchemaCheck.Check(_schema, call.Arguments) is { } problem)
        {
            return Task.FromResult(CatalogArguments.Invalid(Name, problem.Field, problem.Problem));
        }

        return RunCheckedAsync(call, (JsonObject)call.Arguments.DeepClone());
    }

    /// <summary>Runs the tool on input that fits its schema: by default <see cref="Operation"/> with <see cref="ArgumentsFor"/>.</summary>
    protected virtual Task<CallToolResult> RunCheckedAsync(ToolCall call, JsonObject input) => OperationRunner.RunAsync(call.With(ArgumentsFor(input)), Operation);

    /// <summary>The arguments of <see cref="Operation"/> that carry <paramref name="input"/> (already checked).</summary>
    protected abstract JsonObject ArgumentsFor(JsonObject input);
}
