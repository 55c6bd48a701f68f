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
    /// the declaration. <c>dry_run</c> (writes) and <c>fields</c> (reads) are said once, in the server instructions, not
    /// listed on every tool; the call still takes them, and describe_operation and search_operations show them.
    /// </summary>
    protected static Tool Define(ToolDeclaration declaration, string description, bool accountSupplied, JsonObject outputSchema) =>
        Define(declaration.Name, declaration.Title, description, ResultShaping.Schema(declaration, accountSupplied, withSharedArguments: false), declaration.Hints, outputSchema);

    /// <summary>The wire definition of a tool, with the schema of its structured result (<see cref="OutputSchema"/>).</summary>
    protected static Tool Define(string name, string title, string description, JsonObject inputSchema, ToolHints hints, JsonObject outputSchema) => new()
    {
        Name = name,
        Title = title,
        Description = description,
        InputSchema = ServerJson.ToElement(inputSchema),
        OutputSchema = ServerJson.ToElement(outputSchema),
        // The title is said once, on the tool (annotations.title would repeat it); all four hints, always.
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
        ProtocolTool = Define(operation, ToolNotes.Listed(operation), set.Shape.SuppliesAccount(), OutputSchema.Of(operation));
    }

    public Operation Operation { get; }

    public override Tool ProtocolTool { get; }

    public override Task<CallToolResult> RunAsync(ToolCall call) => OperationRunner.RunAsync(call, Operation);
}
