using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Refold.Api.Catalog;
using Refold.Mcp.Server.Observability;
using Refold.Mcp.Server.Sessions;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// A tool of this server. Its definition is immutable and shared by every session of one credential kind; the
/// session (credential, client) is looked up per call, so the same instance serves stdio, HTTP and the CLI.
/// </summary>
public abstract class RefoldTool : McpServerTool
{
    public override IReadOnlyList<object> Metadata => [];

    public string Name => ProtocolTool.Name;

    /// <summary>Runs the tool for one call; never throws for a Refold failure.</summary>
    public abstract Task<CallToolResult> RunAsync(ToolCall call);

    /// <summary>Every MCP tool call passes here: its span and metrics (<see cref="ToolTelemetry"/>) are recorded once, for every tool.</summary>
    public sealed override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var call = ToolCall.Of(request, cancellationToken);
        return await ToolTelemetry.RunAsync(call, Name, () => RunAsync(call)).ConfigureAwait(false);
    }

    /// <summary>
    /// The wire definition of a declared tool (an operation or a composite): name, title, schema and annotations from
    /// the declaration; an operation that writes also takes <c>dry_run</c>.
    /// </summary>
    /// <remarks><paramref name="withFields"/> false leaves <c>fields</c> out of the listed schema (the call still takes it).</remarks>
    protected static Tool Define(ToolDeclaration declaration, string description, bool accountSupplied, JsonObject outputSchema, bool withFields = true) =>
        Define(declaration.Name, declaration.Title, description, ResultShaping.Schema(declaration, accountSupplied, withFields), declaration.Hints, outputSchema);

    /// <summary>The wire definition of a tool, with the schema of its structured result (<see cref="OutputSchema"/>).</summary>
    protected static Tool Define(string name, string title, string description, JsonObject inputSchema, ToolHints hints, JsonObject outputSchema) => new()
    {
        Name = name,
        Title = title,
        Description = description,
        InputSchema = ServerJson.ToElement(inputSchema),
        OutputSchema = ServerJson.ToElement(outputSchema),
        // The title is said once, on the tool (annotations.title would repeat it); hints only where they differ from
        // the specification's cautious defaults.
        Annotations = WireHints.Of(hints),
    };
}

/// <summary>One catalog operation as a tool: the declaration supplies name, title, description, schema and annotations.</summary>
public sealed class OperationTool : RefoldTool
{
    private readonly ToolSet _set;

    public OperationTool(Operation operation, ToolSet set)
    {
        Operation = operation;
        _set = set;
        // The compact list has no room for fields on its first-class tools: there it is taken through call_read_operation.
        ProtocolTool = Define(operation, ToolNotes.Listed(operation), set.Shape.SuppliesAccount(), OutputSchema.Of(operation), withFields: set.Surface.Mode == ToolMode.All);
    }

    public Operation Operation { get; }

    public override Tool ProtocolTool { get; }

    public override Task<CallToolResult> RunAsync(ToolCall call) => OperationRunner.RunAsync(call, Operation);
}
