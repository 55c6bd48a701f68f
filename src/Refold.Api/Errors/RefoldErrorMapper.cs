using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Refold.Api.Catalog;

namespace Refold.Api.Errors;

/// <summary>
/// Turns every error shape Refold sends into one <see cref="RefoldError"/>: the standard envelope with
/// <c>error</c> or <c>error_code</c>, <c>{message, error}</c> with free text, HTTP 200 carrying <c>error</c>,
/// 400 meaning not found, and bodies that are not JSON at all.
/// </summary>
public static partial class RefoldErrorMapper
{
    private const int SnippetLength = 200;

    /// <summary>Longest upstream message kept: Refold's messages may echo a whole input (a body, a long value) back.</summary>
    public const int MaxMessageLength = 300;

    // Keys that only an error envelope carries; a 2xx object made of these and a non-empty "error" is a failure.
    private static readonly HashSet<string> s_envelopeKeys =
        ["error", "error_code", "message", "status_code", "http_error_type", "error_type", "request_id", "success", "status"];

    [GeneratedRegex("^[A-Z][A-Z0-9_]{2,}$")]
    private static partial Regex ErrorCodePattern();

    /// <summary>The error a response stands for, or null when it is a success.</summary>
    /// <param name="arguments">The call's arguments, for the hint of an unknown outcome (see <see cref="OutcomeHints"/>).</param>
    /// <param name="sentAt">When the call was sent, for the same hint.</param>
    public static RefoldError? FromResponse(
        Operation operation, HttpStatusCode status, string? body, HttpResponseHeaders? headers, DateTimeOffset now,
        JsonObject? arguments = null, DateTimeOffset? sentAt = null)
    {
        var code = (int)status;
        var envelope = TryParseObject(body);
        var success = code is >= 200 and < 300;
        if (success && !IsErrorEnvelope(envelope))
        {
            return null;
        }

        var errorField = Text(envelope, "error");
        var errorCode = Text(envelope, "error_code") ?? (errorField is not null && ErrorCodePattern().IsMatch(errorField) ? errorField : null);
        var detail = errorField is not null && errorField != errorCode ? errorField : null;
        var kind = success ? RefoldErrorKind.BadRequest : KindOf(code, errorCode);

        // A 5xx may come after Refold applied the call (a gateway, a crash on the way out); anything else says it did not.
        var outcome = kind == RefoldErrorKind.ServerError ? RefoldOutcome.Unknown : RefoldOutcome.Rejected;
        return new RefoldError
        {
            Kind = kind,
            Outcome = outcome,
            Operation = operation.Name,
            StatusCode = code,
            HttpErrorType = Text(envelope, "http_error_type") ?? Text(envelope, "error_type") ?? (success ? "BAD_REQUEST" : HttpErrorTypes.Of(code)),
            ErrorCode = errorCode,
            Message = Shorten(MessageOf(operation, code, envelope, body, detail)),
            Retryable = RetryableOf(operation, kind, outcome),
            RetryAfterSeconds = RetryAfterSeconds(headers?.RetryAfter, now),
            RequestId = Text(envelope, "request_id") ?? FirstHeader(headers, Client.RefoldHeaders.RequestId),
            Hint = HintFor(operation, kind, errorCode, outcome, arguments, sentAt),
        };
    }

    /// <summary>The error for a failure that produced no HTTP response.</summary>
    /// <param name="outcome"><see cref="RefoldOutcome.NotSent"/> only when the request is known not to have left; else unknown.</param>
    public static RefoldError FromFailure(
        Operation operation, RefoldErrorKind kind, RefoldOutcome outcome, string message, TimeSpan? retryAfter = null,
        JsonObject? arguments = null, DateTimeOffset? sentAt = null) => new()
    {
        Kind = kind,
        Outcome = outcome,
        Operation = operation.Name,
        ErrorCode = FailureCode(kind, outcome),
        Message = message,
        Retryable = RetryableOf(operation, kind, outcome),
        RetryAfterSeconds = retryAfter is { } r ? Math.Ceiling(r.TotalSeconds * 10) / 10 : null,
        Hint = HintFor(operation, kind, null, outcome, arguments, sentAt),
    };

    /// <summary>The code of a failure with no answer from Refold to take one from, so an agent can branch on it like on Refold's own.</summary>
    private static string? FailureCode(RefoldErrorKind kind, RefoldOutcome outcome) => kind switch
    {
        RefoldErrorKind.Timeout => "UPSTREAM_TIMEOUT",
        RefoldErrorKind.Network => outcome == RefoldOutcome.NotSent ? "UPSTREAM_UNREACHABLE" : "UPSTREAM_CONNECTION_LOST",
        RefoldErrorKind.CircuitOpen => "CIRCUIT_OPEN",
        RefoldErrorKind.RateLimited => "LOCAL_RATE_LIMIT",
        _ => null,
    };

    /// <summary>An error raised before anything was sent: a bad argument or a credential that may not call the operation.</summary>
    public static RefoldError Local(ToolDeclaration operation, RefoldErrorKind kind, string code, string message, string? argument = null, string? hint = null) => new()
    {
        Kind = kind,
        Operation = operation.Name,
        ErrorCode = code,
        Message = message,
        Argument = argument,
        Outcome = RefoldOutcome.NotSent,
        Hint = hint ?? HintFor(operation, kind, code, RefoldOutcome.NotSent, null, null),
    };

    private static bool IsErrorEnvelope(JsonObject? envelope) =>
        envelope is not null
        && Text(envelope, "error") is { Length: > 0 }
        && envelope.All(p => s_envelopeKeys.Contains(p.Key));

    private static RefoldErrorKind KindOf(int status, string? errorCode) => status switch
    {
        400 when errorCode == "RESOURCE_NOT_FOUND" => RefoldErrorKind.NotFound,
        404 when errorCode == "MISSING_REQUIRED_FIELD" => RefoldErrorKind.BadRequest,
        400 or 409 or 422 => RefoldErrorKind.BadRequest,
        401 => RefoldErrorKind.Unauthorized,
        403 => RefoldErrorKind.Forbidden,
        404 or 410 => RefoldErrorKind.NotFound,
        408 => RefoldErrorKind.Timeout,
        429 => RefoldErrorKind.RateLimited,
        501 => RefoldErrorKind.NotImplemented,
        >= 500 => RefoldErrorKind.ServerError,
        _ => RefoldErrorKind.BadRequest,
    };

    private static string MessageOf(Operation operation, int status, JsonObject? envelope, string? body, string? detail)
    {
        var message = Text(envelope, "message");
        if (detail is not null && (message is null || message == "Server Error"))
        {
            // The {message: "Server Error", error: "<text>"} variant: the text is the useful part.
            return detail;
        }

        if (message is not null)
        {
            return detail is null ? message : $"{message}: {detail}";
        }

        if (envelope is null && !string.IsNullOrWhiteSpace(body))
        {
            var snippet = body.Trim();
            snippet = snippet.Length > SnippetLength ? snippet[..SnippetLength] + "…" : snippet;
            return $"Refold answered {operation.Name} with HTTP {status} and a body that is not JSON: {snippet}";
        }

        return $"Refold answered {operation.Name} with HTTP {status} and no explanation.";
    }

    private static string Shorten(string message) => message.Length <= MaxMessageLength
        ? message
        : string.Concat(message.AsSpan(0, MaxMessageLength), $"… [{message.Length - MaxMessageLength} more characters cut]");

    // A failure that may have taken effect is worth repeating only when repeating is harmless.
    private static bool RetryableOf(ToolDeclaration operation, RefoldErrorKind kind, RefoldOutcome outcome) =>
        kind is RefoldErrorKind.RateLimited or RefoldErrorKind.ServerError or RefoldErrorKind.Timeout or RefoldErrorKind.Network or RefoldErrorKind.CircuitOpen
        && (outcome != RefoldOutcome.Unknown || operation.Hints.Idempotent);

    private static string? HintFor(ToolDeclaration operation, RefoldErrorKind kind, string? errorCode, RefoldOutcome outcome, JsonObject? arguments, DateTimeOffset? sentAt) => kind switch
    {
        _ when outcome == RefoldOutcome.Unknown && !operation.Hints.Idempotent => OutcomeHints.For(operation, arguments, sentAt),
        RefoldErrorKind.NotFound => (RefoldCatalog.ListOperationOf(operation.Group) is { } list
            ? $"Check the id you passed; {list.Name} shows the ones that exist."
            : "Check the id you passed; it does not exist for this org, environment or linked account.")
            + (operation.Arguments.Any(a => a.IsAccountScope)
                ? " A record of another linked account gives the same 404: check you act for the account that owns it (linked_account_id, or the session token's account)."
                : ""),
        RefoldErrorKind.Unauthorized when errorCode == "INVALID_TOKEN" =>
            "The session token is missing, invalid, expired or revoked: mint a new one with generate_session_token.",
        RefoldErrorKind.Unauthorized =>
            "Refold refused the credential: check the API key and its environment (tk... is test, pk... is production).",
        RefoldErrorKind.Forbidden => "This credential may not touch that resource (for example another linked account's private workflow).",
        RefoldErrorKind.RateLimited => "Refold allows 20 requests per second with bursts of 5: wait retry_after_s seconds (or a second) and repeat.",
        RefoldErrorKind.ServerError => "Refold failed on its side; the call is idempotent, so it is safe to repeat later.",
        RefoldErrorKind.NotImplemented => "Refold does not support this for the given resource.",
        RefoldErrorKind.Timeout when outcome == RefoldOutcome.Unknown => "Refold did not answer in time; the call is idempotent, so it is safe to repeat.",
        RefoldErrorKind.Timeout => "Refold gave up waiting for the request before taking it: repeat it.",
        RefoldErrorKind.Network when outcome == RefoldOutcome.Unknown =>
            "The connection dropped before Refold's answer arrived; the call is idempotent, so it is safe to repeat.",
        RefoldErrorKind.Network => "Refold could not be reached: check the base URL and the network, then repeat.",
        RefoldErrorKind.CircuitOpen => "Recent calls to Refold kept failing, so calls are paused briefly: wait retry_after_s seconds.",
        RefoldErrorKind.InvalidArgument => "Fix the argument named in the message and call again; the tool's input schema lists every argument.",
        RefoldErrorKind.BadRequest when errorCode == "MISSING_REQUIRED_FIELD" => "A required field or header is missing (often linked_account_id): add it and call again.",
        RefoldErrorKind.BadRequest => "Refold rejected the request: fix what the message names and call again.",
        _ => null,
    };

    private static double? RetryAfterSeconds(RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta.TotalSeconds;
        }

        return retryAfter?.Date is { } date ? Math.Max(0, Math.Ceiling((date - now).TotalSeconds)) : null;
    }

    private static string? FirstHeader(HttpResponseHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static JsonObject? TryParseObject(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? obj, string key) =>
        obj?[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
