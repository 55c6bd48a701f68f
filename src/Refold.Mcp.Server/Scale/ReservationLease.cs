using System.Threading.RateLimiting;

namespace Refold.Mcp.Server.Scale;

/// <summary>A permit of <see cref="RedisRateLimiter"/>: granted (its slot has come), or refused with when to try again.</summary>
internal sealed class ReservationLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static RateLimitLease Granted { get; } = new ReservationLease(true, null);

    public override bool IsAcquired { get; } = acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = retryAfter;
        return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
    }
}
