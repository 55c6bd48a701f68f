using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Mcp.Server.Observability;
using Refold.Api.Operations;
using Refold.Mcp.Server.Sessions;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The single path every operation call takes, whichever tool started it: refuse what the session may not reach,
/// validate the arguments, answer a dry run with the request instead of sending it, ask the human first when
/// <c>--confirm</c> says so, then send; every failure becomes an error result.
/// </summary>
public static partial class OperationRunner
{
    /// <summary>
    /// Runs <paramref name="operation"/> with the call's arguments; every failure becomes an error result. A write
    /// given <c>dry_run: true</c> answers with the request it would send instead. A read-only operation's
    /// <c>fields</c> is taken off first and applied to the result (<see cref="ResultShaping"/>); the result is then
    /// held to the surface's budget (<see cref="ResultBudget"/>).
    /// </summary>
    public static Task<CallToolResult> RunAsync(ToolCall call, Operation operation) =>
        GuardAsync(call, operation.Name, async () =>
        {
            var arguments = call.Arguments;
            if (DryRun.Take(operation, ref arguments, out var dryRun) is { } badDryRun)
            {
                return badDryRun;
            }

            if (dryRun)
            {
                return DryRun.Result(await PreviewAsync(call, operation, arguments).ConfigureAwait(false));
            }

            if (ResultShaping.TakeFields(operation, arguments, out var fields, out var sent) is { } badFields)
            {
                return badFields;
            }

            var result = await SendAsync(call, operation, sent).ConfigureAwait(false);
            return ToolResults.Success(ResultShaping.Project(result, fields, operation), call.Session.Tools.Surface.Budget with { Operation = operation, Arguments = sent });
        });

    /// <summary>
    /// The one way a tool sends an operation: refuse what the session may not reach, check the arguments, ask the
    /// human first when <c>--confirm</c> says so, then send. Composite tools send every operation through here too.
    /// </summary>
    /// <exception cref="RefoldApiException">For a refusal, a bad argument, an unconfirmed call or any Refold failure.</exception>
    /// <exception cref="InputRequiredException">On an MRTR client, to ask for the confirmation (the SDK sends the question).</exception>
    /// <remarks>A write is recorded in the audit log, whatever comes of it (<see cref="AuditTrail"/>).</remarks>
    public static Task<JsonNode?> SendAsync(ToolCall call, Operation operation, JsonObject arguments) =>
        AuditTrail.RunAsync(call, operation, arguments, dryRun: false, async exchange =>
        {
            var minted = MintedAccount.Applies(operation, call.Session.Tools.Shape);
            Fail(Refusal(call.Session, operation, arguments)
                ?? (minted ? MintedAccount.Check(operation, arguments, call.Session.Credential) : call.Session.Client.Check(operation, arguments)));
            if (call.Session.Tools.Surface.NeedsConfirmation(operation))
            {
                Fail(await Confirmation.AskAsync(call, operation, arguments).ConfigureAwait(false));
            }

            if (minted)
            {
                return await call.Session.Client.SendForAccountAsync(operation, arguments, MintedAccount.Account(arguments, call.Session.Credential), exchange, call.CancellationToken)
                    .ConfigureAwait(false);
            }

            var result = await call.Session.Client.SendAsync(operation, arguments, exchange, call.CancellationToken).ConfigureAwait(false);
            if (operation.Name == SessionTokens.RevokeSessionToken.Name)
            {
                call.Session.Revoked?.Invoke();
            }

            return result;
        });

    /// <summary>The request <see cref="SendAsync"/> would send, after the same refusals; nothing is sent and nothing asked (audited as a dry run).</summary>
    public static Task<RequestPreview> PreviewAsync(ToolCall call, Operation operation, JsonObject arguments) =>
        AuditTrail.RunAsync(call, operation, arguments, dryRun: true, _ =>
        {
            Fail(Refusal(call.Session, operation, arguments));
            return RequestOf(call, operation, arguments);
        });

    /// <summary>The request the session would send (an org key's account-only call with a placeholder token); no refusal checked, nothing audited.</summary>
    internal static Task<RequestPreview> RequestOf(ToolCall call, Operation operation, JsonObject arguments)
    {
        if (MintedAccount.Applies(operation, call.Session.Tools.Shape))
        {
            Fail(MintedAccount.Check(operation, arguments, call.Session.Credential));
            return call.Session.Client.PreviewForAccountAsync(operation, arguments, MintedAccount.Account(arguments, call.Session.Credential), call.CancellationToken);
        }

        return call.Session.Client.PreviewAsync(operation, arguments, call.CancellationToken);
    }

    /// <summary>Runs a tool's body, turning a Refold failure into its error result and anything unexpected into a logged, opaque one.</summary>
    public static async Task<CallToolResult> GuardAsync(ToolCall call, string tool, Func<Task<CallToolResult>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (InputRequiredException)
        {
            // Not a failure: the SDK turns it into the MRTR question to the client.
            throw;
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
            LogUnexpected(call.Session.Logger, e, tool);
            return ToolResults.Unexpected(tool);
        }
    }

    private static void Fail(RefoldError? error)
    {
        if (error is not null)
        {
            throw new RefoldApiException(error);
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

        var fenced = TenantFence.Refusal(session.Tools.Surface, session.Tools.Shape, operation)
            ?? TenantFence.AccountRefusal(session.Tools.Surface, operation, session.Credential, arguments);
        var kind = fenced ?? (MintedAccount.Applies(operation, session.Tools.Shape) ? null : CredentialRules.Check(operation, session.Credential));
        return kind ?? (session.Tools.Reaches(operation) ? null : RefoldErrorMapper.Local(operation, RefoldErrorKind.NotPermitted, "OPERATION_NOT_ENABLED",
            $"{operation.Name} is not available to this session."));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error while running {Tool}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string tool);
}
