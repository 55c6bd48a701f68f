using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Errors;

namespace Refold.Mcp.Server.Tools;

/// <summary>Turns Refold results and errors into MCP tool results: structured content (always an object) plus text.</summary>
public static class ToolResults
{
    /// <summary>
    /// A successful result. Arrays become <c>{"items": [...]}</c>, other non-objects <c>{"result": ...}</c>. A result
    /// over <paramref name="budget"/> (default <see cref="ResultBudget.Default"/>) is cut by whole items, and then
    /// text and structured content carry the same cut object.
    /// </summary>
    public static CallToolResult Success(JsonNode? result, ResultBudget? budget = null)
    {
        var structured = result switch
        {
            JsonObject obj => obj,
            JsonArray array => new JsonObject { ["items"] = array },
            _ => new JsonObject { ["result"] = result },
        };
        var cut = (budget ?? ResultBudget.Default).Fit(structured);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = (cut ?? result)?.ToJsonString(ServerJson.Readable) ?? "null" }],
            StructuredContent = ServerJson.ToElement(cut ?? structured),
            IsError = false,
        };
    }

    /// <summary>An error result whose structured content holds the error contract, snake_case, nulls kept.</summary>
    public static CallToolResult Error(RefoldError error) => new()
    {
        Content = [new TextContentBlock { Text = Describe(error) }],
        StructuredContent = ServerJson.ToElement(ErrorObject(error)),
        IsError = true,
    };

    /// <summary>A tool-level refusal or bad input that is not tied to a catalog operation.</summary>
    public static CallToolResult Error(RefoldErrorKind kind, string code, string message, string tool, string? argument = null, string? hint = null) =>
        Error(new RefoldError { Kind = kind, Outcome = RefoldOutcome.NotSent, ErrorCode = code, Message = message, Operation = tool, Argument = argument, Hint = hint });

    /// <summary>For an exception nobody expected: says so without leaking its details (they go to the log).</summary>
    public static CallToolResult Unexpected(string tool) => Error(new RefoldError
    {
        Kind = RefoldErrorKind.InvalidResponse,
        ErrorCode = "INTERNAL_ERROR",
        Message = $"{tool} failed because of an unexpected error inside the MCP server; it has been logged.",
        Operation = tool,
        Retryable = false,
        Hint = "If the call changes something, check whether it took effect before trying again; if it keeps failing, report it to the operator of this server.",
    });

    /// <summary>The error contract: status_code, http_error_type, error_code, message, outcome, retryable, retry_after_s, hint, request_id, plus kind, argument, operation.</summary>
    public static JsonObject ErrorObject(RefoldError error) => new()
    {
        ["status_code"] = error.StatusCode,
        ["http_error_type"] = error.HttpErrorType,
        ["error_code"] = error.ErrorCode,
        ["message"] = error.Message,
        ["outcome"] = SnakeCase(error.Outcome.ToString()),
        ["retryable"] = error.Retryable,
        ["retry_after_s"] = error.RetryAfterSeconds,
        ["hint"] = error.Hint,
        ["request_id"] = error.RequestId,
        ["kind"] = SnakeCase(error.Kind.ToString()),
        ["argument"] = error.Argument,
        ["operation"] = error.Operation,
    };

    private static string Describe(RefoldError error)
    {
        var text = new StringBuilder();
        text.Append(error.Operation ?? "The call").Append(" failed: ").Append(error.Message.TrimEnd('.')).Append('.');
        if (error.StatusCode is { } status)
        {
            text.Append(CultureInfo.InvariantCulture, $" (HTTP {status}{(error.HttpErrorType is { } t ? " " + t : "")}{(error.ErrorCode is { } c ? ", " + c : "")})");
        }
        else if (error.ErrorCode is { } code)
        {
            text.Append(" (").Append(code).Append(')');
        }

        if (error.Hint is { } hint)
        {
            text.Append(" Hint: ").Append(hint);
        }

        if (error.Retryable)
        {
            text.Append(error.RetryAfterSeconds is { } after
                ? string.Create(CultureInfo.InvariantCulture, $" Retryable after {after} s.")
                : " Retryable.");
        }

        if (error.RequestId is { } id)
        {
            text.Append(" Request id: ").Append(id).Append('.');
        }

        return text.ToString();
    }

    private static string SnakeCase(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
