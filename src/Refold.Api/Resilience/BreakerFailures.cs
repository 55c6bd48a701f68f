using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace Refold.Api.Resilience;

/// <summary>
/// What one pipeline's circuit breaker counts as a failure. Signs of Refold's health always count
/// (<see cref="RefoldResilience.IsUpstreamFailure"/>); a 4xx or a plain 500 never does, since it answers one caller's own
/// request (a tenant's bad id, its broken workflow) and counting it would let one tenant pause every other.
/// A permit refused by the local rate limiter (<see cref="SendPermit"/>) never reached Refold, so it says nothing about
/// Refold either way, but Polly's breaker has no "ignored" outcome: whatever it does not count as a failure it records as
/// a success, and a success while half-open closes the circuit. So while the breaker is half-open every probe that ends
/// without an answer counts as a failure (refused here, cancelled by its caller, or any other exception): the circuit
/// opens again for another break and the next probe follows it, and only a real answer from Refold closes it. Polly
/// would not leave it half-open waiting for another probe: a half-open breaker lets exactly one attempt through and
/// refuses every other until that one's outcome is recorded.
/// (An attempt let through before the circuit opened and refused after its break counts too: the state is read when an
/// outcome arrives, and reopening without news from Refold is the safe side.) While closed a refusal is not a failure,
/// so local throttling never opens the circuit against Refold.
/// </summary>
internal static class BreakerFailures
{
    /// <summary>Sets the breaker's failure predicate, reading its state from a provider of its own.</summary>
    public static void Apply(HttpCircuitBreakerStrategyOptions breaker)
    {
        var state = new CircuitBreakerStateProvider();
        breaker.StateProvider = state;
        breaker.ShouldHandle = args => new ValueTask<bool>(Counts(args.Outcome, state.CircuitState));
    }

    /// <summary>Whether the breaker, now in <paramref name="state"/>, counts <paramref name="outcome"/> against Refold's health.</summary>
    private static bool Counts(Outcome<HttpResponseMessage> outcome, CircuitState state) =>
        RefoldResilience.IsUpstreamFailure(outcome)
        || (outcome.Exception is not null && state == CircuitState.HalfOpen);
}
