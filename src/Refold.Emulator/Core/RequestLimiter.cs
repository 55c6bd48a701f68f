namespace Refold.Emulator.Core;

/// <summary>
/// Refold's per-org limit: a token bucket of <see cref="RateLimitOptions.Burst"/> tokens refilled continuously at
/// <see cref="RateLimitOptions.PermitsPerSecond"/>, on the emulator's clock (so a fake clock drives it in tests).
/// </summary>
public sealed class RequestLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes a token for <paramref name="key"/> (an org); when none is left, says how long until one is.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!options.Enabled)
        {
            return true;
        }

        var now = time.GetUtcNow();
        lock (_buckets)
        {
            var (tokens, at) = _buckets.TryGetValue(key, out var b) ? b : (options.Burst, now);
            var elapsed = Math.Max(0, (now - at).TotalSeconds);
            tokens = Math.Min(options.Burst, tokens + (elapsed * options.PermitsPerSecond));
            if (tokens >= 1)
            {
                _buckets[key] = (tokens - 1, now);
                return true;
            }

            _buckets[key] = (tokens, now);
            retryAfter = TimeSpan.FromSeconds((1 - tokens) / options.PermitsPerSecond);
            return false;
        }
    }
}
