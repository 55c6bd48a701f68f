namespace Refold.Emulator;

/// <summary>
/// Failures the emulator injects before a request reaches its handler, so clients can be tested against a
/// misbehaving Refold. Random choices come from one generator seeded with <see cref="Seed"/>, so a run with a
/// seed and the same sequence of requests fails the same way every time.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Delay added before every answer, waited on the emulator's <see cref="EmulatorOptions.TimeProvider"/>. Default none.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share of requests (0..1) answered with a 500, 502 or 503 in Refold's error envelope. Default 0.</summary>
    public double ErrorRate { get; set; }

    /// <summary>Share of requests (0..1) that start a 429 storm: that request and the next <see cref="StormLength"/> − 1 get 429. Default 0.</summary>
    public double StormRate { get; set; }

    /// <summary>Requests a 429 storm lasts. Default 5.</summary>
    public int StormLength { get; set; } = 5;

    /// <summary>Share of requests (0..1) whose connection is aborted without an answer, before the handler runs. Default 0.</summary>
    public double DropRate { get; set; }

    /// <summary>
    /// Share of requests (0..1) that are applied (the handler runs, the state changes) and then have their connection
    /// aborted, so the answer is lost: a client cannot tell whether the call took effect. Default 0.
    /// </summary>
    public double DropAfterRate { get; set; }

    /// <summary>Seed of the fault generator; null picks a random one.</summary>
    public int? Seed { get; set; }

    /// <summary>Only these operations (catalog names) get faults; null or empty means every operation.</summary>
    public IReadOnlyCollection<string>? Operations { get; set; }

    /// <summary>True when any fault is configured.</summary>
    public bool Any => Latency > TimeSpan.Zero || ErrorRate > 0 || StormRate > 0 || DropRate > 0 || DropAfterRate > 0;

    internal void Validate()
    {
        Ratio(ErrorRate, nameof(ErrorRate));
        Ratio(StormRate, nameof(StormRate));
        Ratio(DropRate, nameof(DropRate));
        Ratio(DropAfterRate, nameof(DropAfterRate));
        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentException($"Faults.Latency must not be negative, got {Latency}.");
        }

        if (StormLength < 1)
        {
            throw new ArgumentException($"Faults.StormLength must be at least 1, got {StormLength}.");
        }
    }

    private static void Ratio(double value, string name)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
        {
            throw new ArgumentException($"Faults.{name} must be between 0 and 1, got {value}.");
        }
    }
}
