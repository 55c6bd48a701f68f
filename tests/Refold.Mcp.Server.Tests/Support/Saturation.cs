using System.Globalization;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// What Refold received in a span of a load test against the time in it when callers waited for permits
/// (<see cref="LimiterBacklog"/>). A limiter that wastes capacity (a permit costing two, a replica keeping a share the
/// others cannot use, permits left unused while callers wait) sends under its rate while callers wait; a correct one
/// sends its rate then, less at most a burst at the edges. A slow machine shortens the waiting time, not the rate in it.
/// </summary>
/// <param name="Waiting">Seconds in which callers waited for permits (stalls of the process excluded).</param>
/// <param name="Span">Seconds of the span.</param>
/// <param name="Received">Requests Refold received in the span.</param>
/// <param name="Rate">The limiter's rate per second.</param>
/// <param name="Burst">The limiter's burst.</param>
public readonly record struct Saturation(double Waiting, double Span, int Received, double Rate, int Burst)
{
    /// <summary>
    /// At least 80 % of the rate for each second callers waited, less one burst: a wasting limiter sends half of it or
    /// less, while a correct one, judged from the test process, came within 5 % of 90 % on a loaded machine.
    /// </summary>
    public double Required => (0.8 * Rate * Waiting) - Burst;

    /// <summary>Callers waited at all: the probe watches the bucket the calls draw from (else <see cref="Held"/> says nothing).</summary>
    public bool Observed => Waiting > 0;

    public bool Held => Received >= Required;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"callers waited for permits {Waiting:F2} of {Span:F2} s (the machine's stalls over 100 ms left out); Refold received {Received} requests in those {Span:F2} s, {Required:F1} required (80 % of {Rate}/s while waiting, less the burst of {Burst})");
}
