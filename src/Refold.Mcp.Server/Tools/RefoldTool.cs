using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Refold.Api.Catalog;
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

    /// <summary>Runs the tool for <paramref name="session"/>; never throws for a Refold failure.</summary>
    public abstract Task<CallToolResult> RunAsync(RefoldSession session, JsonObject? arguments, CancellationToken cancellationToken);

    public sealed override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        await RunAsync(RefoldSession.Of(request), ServerJson.ToObject(request.Params?.Arguments), cancellationToken).ConfigureAwait(false);

    /// <summary>The wire definition of a tool; every one states all four annotations.</summary>
    protected static Tool Define(string name, string title, string description, JsonObject inputSchema, ToolHints hints) => new()
    {
        Name = name,
        Title = title,
        Description = description,
        InputSchema = ServerJson.ToElement(inputSchema),
        Annotations = new ToolAnnotations
        {
            Title = title,
            ReadOnlyHint = hints.ReadOnly,
            DestructiveHint = hints.Destructive,
            IdempotentHint = hints.Idempotent,
            OpenWorldHint = hints.OpenWorld,
        },
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
        ProtocolTool = Define(operation.Name, operation.Title, ToolNotes.Describe(operation),
            InputSchema.For(operation, set.Shape.SuppliesAccount()), operation.Hints);
    }

    public Operation Operation { get; }

    public override Tool ProtocolTool { get; }

    public override Task<CallToolResult> RunAsync(RefoldSession session, JsonObject? arguments, CancellationToken cancellationToken) =>
        OperationRunner.RunAsync(session, Operation, arguments, cancellationToken);
}
