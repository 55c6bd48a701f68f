using System.Diagnostics.Metrics;
using Microsoft.Extensions.Http.Resilience;
using Refold.Api.Diagnostics;

namespace Refold.Api.Resilience;

/// <summary>
/// The <see cref="RefoldTelemetry.OpenBreakersName"/> gauge of one client registration (one host): the breakers of its
/// pipelines (one per limiter key and operation) that are open or half-open now. Its meter comes from the host's
/// <see cref="IMeterFactory"/>, so two hosts in one process each report their own breakers, and the gauge goes with its host.
/// </summary>
internal sealed class BreakerGauge
{
    private int _notClosed;

    public BreakerGauge(IMeterFactory meters)
    {
        var meter = meters.Create(RefoldTelemetry.Name, RefoldTelemetry.Version);
        meter.CreateObservableGauge(RefoldTelemetry.OpenBreakersName, () => Volatile.Read(ref _notClosed), "{breaker}", "Circuit breakers to Refold open or half-open now.");
    }

    /// <summary>Hooks the breaker's state changes: leaving closed counts it as open until it closes again.</summary>
    public void Track(HttpCircuitBreakerStrategyOptions breaker)
    {
        var notClosed = 0;
        breaker.OnOpened = _ =>
        {
            if (Interlocked.Exchange(ref notClosed, 1) == 0)
            {
                Interlocked.Increment(ref _notClosed);
            }

            return default;
        };
        breaker.OnClosed = _ =>
        {
            if (Interlocked.Exchange(ref notClosed, 0) == 1)
            {
                Interlocked.Decrement(ref _notClosed);
            }

            return default;
        };
    }
}
