namespace Refold.Api.Errors;

/// <summary>
/// One Refold failure in a single shape, whatever envelope variant it arrived in. Every field an agent
/// can act on is here; none of them ever holds a credential.
/// </summary>
public sealed record RefoldError
{
    public required RefoldErrorKind Kind { get; init; }

    /// <summary>Readable explanation, naming the argument or the resource when known.</summary>
    public required string Message { get; init; }

    /// <summary>HTTP status Refold answered with; null when nothing came back or nothing was sent.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Refold's <c>http_error_type</c> (e.g. <c>NOT_FOUND</c>), or one derived from the status.</summary>
    public string? HttpErrorType { get; init; }

    /// <summary>Refold's internal code (<c>error</c> or <c>error_code</c>), e.g. <c>RESOURCE_NOT_FOUND</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Whether the call may have taken effect: <see cref="RefoldOutcome.Unknown"/> unless it is known not to have.</summary>
    public RefoldOutcome Outcome { get; init; }

    /// <summary>True when the same call may succeed if repeated later; never for a call that may have taken effect and is not idempotent.</summary>
    public bool Retryable { get; init; }

    /// <summary>Seconds to wait before repeating, from <c>Retry-After</c> when Refold sent one.</summary>
    public double? RetryAfterSeconds { get; init; }

    /// <summary>A short next step for an agent.</summary>
    public string? Hint { get; init; }

    /// <summary>Refold's request id, for support.</summary>
    public string? RequestId { get; init; }

    /// <summary>The argument at fault, for <see cref="RefoldErrorKind.InvalidArgument"/>.</summary>
    public string? Argument { get; init; }

    /// <summary>The operation that failed.</summary>
    public string? Operation { get; init; }
}
