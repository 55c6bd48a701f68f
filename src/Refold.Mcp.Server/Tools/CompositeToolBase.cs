using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// A hand-written tool made of several operations. Its wire definition and its argument check both come from its
/// <see cref="CompositeTool"/> declaration, so they cannot disagree; the behaviour is <see cref="ExecuteAsync"/>.
/// </summary>
public abstract partial class CompositeToolBase : RefoldTool
{
    private readonly bool _accountSupplied;

    protected CompositeToolBase(CompositeTool declaration, ToolSet set)
    {
        Declaration = declaration;
        _accountSupplied = set.Shape.SuppliesAccount();
        ProtocolTool = Define(declaration, declaration.Description, _accountSupplied);
    }

    public CompositeTool Declaration { get; }

    public override Tool ProtocolTool { get; }

    public sealed override async Task<CallToolResult> RunAsync(ToolCall call)
    {
        if (ArgumentValidator.Validate(Declaration, call.Arguments, _accountSupplied) is { } invalid)
        {
            return ToolResults.Error(invalid);
        }

        try
        {
            return await ExecuteAsync(call).ConfigureAwait(false);
        }
        catch (RefoldApiException e)
        {
            return ToolResults.Error(e.Error);
        }
        catch (OperationCanceledException) when (call.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogUnexpected(call.Session.Logger, e, Name);
            return ToolResults.Unexpected(Name);
        }
    }

    /// <summary>The tool's behaviour, on arguments that match the declaration; a Refold failure may simply throw.</summary>
    protected abstract Task<CallToolResult> ExecuteAsync(ToolCall call);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Unexpected error while running {Tool}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string tool);
}
