using System.Text.Json.Nodes;
using Refold.Api.Catalog;

namespace Refold.Emulator.Core;

/// <summary>
/// The one place that writes Refold's error bodies, in every variant the catalogue lists (README §4): the standard
/// envelope with <c>error</c> or with <c>error_code</c> (chosen per operation, see <see cref="UsesErrorCode"/>),
/// <c>{message: "Server Error", error}</c>, bare <c>{error, message}</c>, and HTTP 200 carrying only <c>error</c>.
/// </summary>
public static class RefoldErrors
{
    // Services whose envelope carries the internal code in error_code instead of error (README §4).
    private static readonly HashSet<string> s_errorCodeGroups =
        ["configs", "workflows", "executions", "mcp_servers", "tables", "schedules", "human_tasks", "environment_variables"];

    // The actions service (integration-schema routes) also uses error_code, although its group is Applications.
    private static readonly HashSet<string> s_errorCodeOperations =
        ["list_application_actions", "get_application_action_schema", "execute_application_action"];

    /// <summary>True when <paramref name="operation"/>'s service puts its internal code in <c>error_code</c>.</summary>
    public static bool UsesErrorCode(Operation? operation) =>
        operation is not null && (s_errorCodeGroups.Contains(operation.Group.Id) || s_errorCodeOperations.Contains(operation.Name));

    /// <summary>The standard envelope, with <c>error</c> or <c>error_code</c> as <paramref name="operation"/>'s service writes it.</summary>
    public static EmulatorResult Envelope(Operation? operation, int status, string code, string message, string? httpErrorType = null) =>
        UsesErrorCode(operation) ? WithErrorCode(status, code, message, httpErrorType) : Standard(status, code, message, httpErrorType);

    /// <summary><c>{status_code, http_error_type, error, message}</c>.</summary>
    public static EmulatorResult Standard(int status, string code, string message, string? httpErrorType = null) =>
        EmulatorResult.WithStatus(status, new JsonObject
        {
            ["status_code"] = status,
            ["http_error_type"] = httpErrorType ?? HttpErrorType(status),
            ["error"] = code,
            ["message"] = message,
        });

    /// <summary><c>{status_code, http_error_type, error_code, message}</c>.</summary>
    public static EmulatorResult WithErrorCode(int status, string code, string message, string? httpErrorType = null) =>
        EmulatorResult.WithStatus(status, new JsonObject
        {
            ["status_code"] = status,
            ["http_error_type"] = httpErrorType ?? HttpErrorType(status),
            ["error_code"] = code,
            ["message"] = message,
        });

    /// <summary><c>{message: "Server Error", error: text}</c>: datastore 404s and execute-workflow 400s.</summary>
    public static EmulatorResult ServerErrorText(int status, string text) =>
        EmulatorResult.WithStatus(status, new JsonObject { ["message"] = "Server Error", ["error"] = text });

    /// <summary><c>{error, message}</c> without status fields: auth-structure of an unknown slug (500).</summary>
    public static EmulatorResult Bare(int status, string error, string message) =>
        EmulatorResult.WithStatus(status, new JsonObject { ["error"] = error, ["message"] = message });

    /// <summary>HTTP 200 carrying only <c>{error}</c>: some migrate-token validation failures.</summary>
    public static EmulatorResult OkWithError(string text) =>
        EmulatorResult.WithStatus(200, new JsonObject { ["error"] = text });

    /// <summary>401 for a missing or unknown API key.</summary>
    public static EmulatorResult InvalidCredentials() => Standard(401, "SERVER_ERROR", "Invalid Credentials");

    /// <summary>401 for an operation that needs a bearer token and got none.</summary>
    public static EmulatorResult TokenMissing() => Standard(401, "INVALID_TOKEN", "Authorization Token Missing");

    /// <summary>401 for a bearer token that is malformed, forged, expired, revoked or of a deleted account.</summary>
    public static EmulatorResult InvalidToken() => Standard(401, "INVALID_TOKEN", "Invalid token");

    /// <summary>429 with the standard envelope and a <c>Retry-After</c> in whole seconds.</summary>
    public static EmulatorResult TooManyRequests(TimeSpan retryAfter) =>
        Standard(429, "RATE_LIMIT_EXCEEDED", "Too many requests, please try again later.") with
        {
            Headers = new Dictionary<string, string>
            {
                ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };

    /// <summary>Refold's <c>http_error_type</c> for a status.</summary>
    public static string HttpErrorType(int status) => Refold.Api.Errors.HttpErrorTypes.Of(status);
}
