using Microsoft.Extensions.Http.Resilience;
using Refold.Api.Diagnostics;

namespace Refold.Api.Resilience;

/// <summary>Keeps <see cref="RefoldTelemetry.OpenBreakers"/> true to the state of each breaker (one per limiter key).</summary>
internal static class BreakerGauge
{
    /// <summary>Hooks the breaker's state changes: leaving closed counts it as open until it closes again.</summary>
    public static void Track(HttpCircuitBreakerStrategyOptions breaker)
    {
        var notClosed = 0;
        breaker.OnOpened = _ =>
        {
            if (Interlocked.Exchange(ref notClosed, 1) == 0)
            {
                RefoldTelemetry.BreakerLeftClosed();
            }

            return default;
        };
        breaker.OnClosed = _ =>
        {
            if (Interlocked.Exchange(ref notClosed, 0) == 1)
            {
                RefoldTelemetry.BreakerClosed();
            }

            return default;
        };
    }
}
