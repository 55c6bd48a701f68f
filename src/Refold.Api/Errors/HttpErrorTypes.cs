using System.Globalization;

namespace Refold.Api.Errors;

/// <summary>Refold's <c>http_error_type</c> for an HTTP status, used wherever Refold's body does not name one (and by the emulator).</summary>
public static class HttpErrorTypes
{
    public static string Of(int status) => status switch
    {
        400 => "BAD_REQUEST",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        408 => "REQUEST_TIMEOUT",
        429 => "TOO_MANY_REQUESTS",
        501 => "NOT_IMPLEMENTED",
        502 or 503 or 504 => "SERVICE_UNAVAILABLE",
        >= 500 => "INTERNAL_SERVER_ERROR",
        _ => "HTTP_" + status.ToString(CultureInfo.InvariantCulture),
    };
}
