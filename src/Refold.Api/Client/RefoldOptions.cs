namespace Refold.Api.Client;

/// <summary>Where Refold is and how the client treats it. Every default is what Refold documents or a safe choice.</summary>
public sealed class RefoldOptions
{
    /// <summary>Refold's public API host. Default <c>https://app.refold.ai</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://app.refold.ai");

    /// <summary>Requests per second Refold admits per org. Default 20 (Refold's documented limit).</summary>
    public int PermitsPerSecond { get; set; } = 20;

    /// <summary>Requests that may start at once before the per-second rate applies. Default 5 (Refold's burst).</summary>
    public int Burst { get; set; } = 5;

    /// <summary>
    /// Share of Refold's rate and burst left unused, so that the server itself never draws a 429 (requests reach Refold a
    /// little out of step with the moment they left the bucket). Default 0.1: 18 requests/s, bursts of 4 (measured, see
    /// docs/benchmarks.md). 0 runs at exactly Refold's limit.
    /// </summary>
    public double Headroom { get; set; } = 0.1;

    /// <summary>
    /// The org the API key belongs to, when the operator declares it: the key's calls then share the org's bucket with
    /// its session tokens from the first call. Without it the key's org is learnt from Refold's answers.
    /// </summary>
    public string? OrgId { get; set; }

    /// <summary>Requests per second the client lets through: <see cref="PermitsPerSecond"/> less the headroom (at least 1).</summary>
    public int EffectivePermitsPerSecond => Math.Max(1, (int)Math.Floor((PermitsPerSecond * (1 - Headroom)) + 1e-9));

    /// <summary>Requests the client lets start at once: <see cref="Burst"/> less the headroom (at least 1).</summary>
    public int EffectiveBurst => Math.Max(1, (int)Math.Floor((Burst * (1 - Headroom)) + 1e-9));

    /// <summary>Calls that may wait for a permit before further calls are refused locally. Default 1000.</summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>
    /// Most per-org buckets kept at once. Beyond it idle ones (full, nobody waiting, unused for a few seconds: the same
    /// as a new bucket) are forgotten; while none is idle, new orgs share one overflow bucket. Default 10,000.
    /// </summary>
    public int MaxBuckets { get; set; } = 10_000;

    /// <summary>Retries after the first attempt, for idempotent operations only. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially with jitter. Default 0.5 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between attempts, including a <c>Retry-After</c> Refold asks for. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time one attempt may take, its wait for a rate-limit permit included. Default 30 s (synchronous workflow executions can be slow).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time one call may take in all: waiting for a permit, every attempt and the waits between them. Default 45 s, so
    /// that the structured timeout error arrives before the 60 s at which common clients give up.
    /// </summary>
    public TimeSpan CallDeadline { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the breaker may open. Default 20.</summary>
    public int BreakerMinimumThroughput { get; set; } = 20;

    /// <summary>Window over which failures are counted. Default 30 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls are refused once the circuit opens. Default 15 s.</summary>
    public TimeSpan BreakerDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        OrgId = string.IsNullOrWhiteSpace(OrgId) ? null : OrgId.Trim();

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"BaseUrl must be an absolute http(s) URL, got '{BaseUrl}'.");
        }

        InRange(PermitsPerSecond, 1, 10_000, nameof(PermitsPerSecond));
        InRange(Burst, 1, 10_000, nameof(Burst));
        InRange(QueueLimit, 0, 1_000_000, nameof(QueueLimit));
        InRange(MaxBuckets, 1, 10_000_000, nameof(MaxBuckets));
        InRange(MaxRetries, 0, 10, nameof(MaxRetries));
        InRange(BreakerMinimumThroughput, 2, 100_000, nameof(BreakerMinimumThroughput));
        if (BreakerFailureRatio is <= 0 or > 1)
        {
            throw new ArgumentException($"BreakerFailureRatio must be in (0, 1], got {BreakerFailureRatio}.");
        }

        if (Headroom is < 0 or >= 1 || double.IsNaN(Headroom))
        {
            throw new ArgumentException($"Headroom must be at least 0 and below 1 (a share of Refold's limit), got {Headroom}.");
        }

        Positive(RetryBaseDelay, nameof(RetryBaseDelay));
        Positive(MaxRetryDelay, nameof(MaxRetryDelay));
        Positive(AttemptTimeout, nameof(AttemptTimeout));
        Positive(CallDeadline, nameof(CallDeadline));
        Positive(BreakerSamplingDuration, nameof(BreakerSamplingDuration));
        Positive(BreakerDuration, nameof(BreakerDuration));
    }

    private static void InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{name} must be between {min} and {max}, got {value}.");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive, got {value}.");
        }
    }
}
