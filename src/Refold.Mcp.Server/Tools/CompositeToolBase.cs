using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// A hand-written tool made of several operations. Its wire definition and its argument check both come from its
/// <see cref="CompositeTool"/> declaration, so they cannot disagree; the behaviour is <see cref="ExecuteAsync"/>.
/// </summary>
public abstract class CompositeToolBase : RefoldTool
{
    private readonly bool _accountSupplied;

    /// <param name="declaration">What the tool is declared with.</param>
    /// <param name="set">The tool set it belongs to.</param>
    /// <param name="outputSchema">What its successful structured result is (<see cref="OutputSchema"/>).</param>
    protected CompositeToolBase(CompositeTool declaration, ToolSet set, JsonObject outputSchema)
    {
        Declaration = declaration;
        _accountSupplied = set.Shape.SuppliesAccount();
        ProtocolTool = Define(declaration, declaration.Description, _accountSupplied, outputSchema);
    }

    public CompositeTool Declaration { get; }

    public override Tool ProtocolTool { get; }

    public sealed override async Task<CallToolResult> RunAsync(ToolCall call)
    {
        if (ArgumentValidator.Validate(Declaration, call.Arguments, _accountSupplied) is { } invalid)
        {
            return ToolResults.Error(invalid);
        }

        return await OperationRunner.GuardAsync(call, Name, () => ExecuteAsync(call)).ConfigureAwait(false);
    }

    /// <summary>
    /// The tool's behaviour, on arguments that match the declaration. Send operations with
    /// <see cref="OperationRunner.SendAsync"/>; a Refold failure may simply throw.
    /// </summary>
    protected abstract Task<CallToolResult> ExecuteAsync(ToolCall call);
}
