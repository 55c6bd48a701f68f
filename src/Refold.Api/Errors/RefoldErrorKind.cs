namespace Refold.Api.Errors;

/// <summary>What kind of failure a <see cref="RefoldError"/> is, normalised across Refold's envelope variants.</summary>
public enum RefoldErrorKind
{
    /// <summary>A tool argument was missing, unknown or of the wrong type; nothing was sent.</summary>
    InvalidArgument,

    /// <summary>The credential in use cannot call this operation; refused locally, nothing was sent.</summary>
    NotPermitted,

    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    RateLimited,
    ServerError,
    NotImplemented,

    /// <summary>No answer within the per-attempt timeout.</summary>
    Timeout,

    /// <summary>The connection failed (refused, reset, DNS).</summary>
    Network,

    /// <summary>Too many recent failures: calls to this org are paused briefly by the circuit breaker.</summary>
    CircuitOpen,

    /// <summary>Refold answered with something that is not the JSON it documents.</summary>
    InvalidResponse,
}
