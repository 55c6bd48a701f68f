using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Mcp.Server.Sessions;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The single path every operation call takes, whichever tool started it: refuse what the session may not reach,
/// then let the client validate the arguments and send; every failure becomes an error result.
/// </summary>
public static partial class OperationRunner
{
    /// <summary>Runs <paramref name="operation"/> with the call's arguments.</summary>
    public static async Task<CallToolResult> RunAsync(ToolCall call, Operation operation)
    {
        var (session, arguments, cancellationToken) = (call.Session, call.Arguments, call.CancellationToken);
        if (Refusal(session, operation, arguments) is { } refusal)
        {
            return ToolResults.Error(refusal);
        }

        try
        {
            var result = await session.Client.SendAsync(operation, arguments, cancellationToken).ConfigureAwait(false);
            return ToolResults.Success(result);
        }
        catch (RefoldApiException e)
        {
            return ToolResults.Error(e.Error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogUnexpected(session.Logger, e, operation.Name);
            return ToolResults.Unexpected(operation.Name);
        }
    }

    /// <summary>Why this session may not call <paramref name="operation"/> (surface or credential), or null.</summary>
    public static RefoldError? Refusal(RefoldSession session, Operation operation, JsonObject? arguments = null)
    {
        if (session.Tools.Surface.WhyExcluded(operation) is { } excluded)
        {
            return RefoldErrorMapper.Local(operation, RefoldErrorKind.NotPermitted, session.Tools.Surface.ReadOnly && !operation.Hints.ReadOnly ? "READ_ONLY_MODE" : "OPERATION_NOT_ENABLED",
                $"{operation.Name} is not available on this server: {excluded}.",
                hint: "Ask the operator to start the server with the needed options, or use search_operations to find what is available.");
        }

        var kind = CredentialRules.Check(operation, session.Credential);
        return kind ?? (session.Tools.Reaches(operation) ? null : RefoldErrorMapper.Local(operation, RefoldErrorKind.NotPermitted, "OPERATION_NOT_ENABLED",
            $"{operation.Name} is not available to this session."));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error while running {Operation}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string operation);
}
