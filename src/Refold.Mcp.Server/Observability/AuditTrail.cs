using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Observability;

/// <summary>
/// Records one write in the audit log around its send (or its dry run): who (credential kind and fingerprint, linked
/// account, token subject), tool and operation, target ids, arguments with secrets masked, outcome, Refold's request
/// id and duration. Reads are never recorded; a call that is only asking for its confirmation (MRTR) is recorded
/// when it comes back with the answer.
/// </summary>
internal static class AuditTrail
{
    public static async Task<T> RunAsync<T>(ToolCall call, Operation operation, JsonObject arguments, bool dryRun, Func<RefoldExchange, Task<T>> send)
    {
        var exchange = new RefoldExchange();
        if (call.Audit is not { } log || operation.Hints.ReadOnly)
        {
            return await send(exchange).ConfigureAwait(false);
        }

        var started = call.Time.GetUtcNow();
        var clock = call.Time.GetTimestamp();
        try
        {
            var result = await send(exchange).ConfigureAwait(false);
            log.Write(Record(call, operation, arguments, dryRun, started, call.Time.GetElapsedTime(clock), exchange, dryRun ? "not_sent" : "ok", null));
            return result;
        }
        catch (RefoldApiException e)
        {
            log.Write(Record(call, operation, arguments, dryRun, started, call.Time.GetElapsedTime(clock), exchange, Outcome(e.Error, exchange), e.Error));
            throw;
        }
        catch (Exception e) when (e is not InputRequiredException)
        {
            // Cancelled or failed unexpectedly while the request may have been on its way.
            log.Write(Record(call, operation, arguments, dryRun, started, call.Time.GetElapsedTime(clock), exchange, exchange.Attempts == 0 ? "not_sent" : "unknown", null));
            throw;
        }
    }

    /// <summary>declined (the user said no), refused (this server would not send it), else the error's outcome.</summary>
    internal static string Outcome(RefoldError error, RefoldExchange exchange) => error switch
    {
        { ErrorCode: "CONFIRMATION_DECLINED" } => "declined",
        { Kind: RefoldErrorKind.NotPermitted or RefoldErrorKind.InvalidArgument, StatusCode: null } when exchange.Attempts == 0 => "refused",
        { Outcome: RefoldOutcome.NotSent } => "not_sent",
        { Outcome: RefoldOutcome.Rejected } => "rejected",
        _ => "unknown",
    };

    private static JsonObject Record(ToolCall call, Operation operation, JsonObject arguments, bool dryRun, DateTimeOffset started, TimeSpan duration,
        RefoldExchange exchange, string outcome, RefoldError? error)
    {
        var credential = call.Session.Credential;
        return new JsonObject
        {
            ["time"] = started.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["who"] = new JsonObject
            {
                ["credential"] = credential switch { ApiKeyCredential => "api_key", SessionTokenCredential => "session_token", _ => null },
                ["fingerprint"] = credential?.Fingerprint,
                // The account the call names (as header, path or body), else the credential's; null for the whole org.
                ["linked_account"] = arguments[Param.LinkedAccountHeader.Name]?.ToString() ?? credential?.LinkedAccountId,
                ["subject"] = call.Request?.User?.FindFirst("sub")?.Value,
            },
            ["tool"] = call.Request?.Params?.Name ?? operation.Name,
            ["operation"] = operation.Name,
            ["targets"] = new JsonObject([.. Confirmation.Targets(operation, arguments).Select(a => KeyValuePair.Create(a.Name, arguments[a.Name]?.DeepClone()))]),
            ["arguments"] = SecretFields.Mask(arguments),
            ["dry_run"] = dryRun,
            ["outcome"] = outcome,
            ["error_code"] = error?.ErrorCode,
            ["status_code"] = exchange.StatusCode,
            ["request_id"] = exchange.RequestId,
            ["attempts"] = exchange.Attempts,
            ["duration_ms"] = Math.Round(duration.TotalMilliseconds, 1),
        };
    }
}
