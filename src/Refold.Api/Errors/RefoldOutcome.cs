namespace Refold.Api.Errors;

/// <summary>What a failed call did to Refold's state, as far as the client can tell.</summary>
public enum RefoldOutcome
{
    /// <summary>
    /// The request may have reached Refold and been applied: the connection dropped or timed out after sending, or
    /// Refold answered with a 5xx. The default, so an error nobody classified is never mistaken for a safe one.
    /// </summary>
    Unknown,

    /// <summary>Nothing reached Refold: a bad argument, a refused credential, a failed connection, an open circuit or the local limiter.</summary>
    NotSent,

    /// <summary>Refold answered that it did not do it (4xx, including 429, or 501).</summary>
    Rejected,
}
