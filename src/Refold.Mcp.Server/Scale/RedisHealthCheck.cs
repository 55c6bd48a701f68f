using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Refold.Mcp.Server.Scale;

/// <summary>The <c>redis</c> check of <c>/readyz</c>: unhealthy while this replica cannot reach the shared Redis (it then limits on its own, at its share).</summary>
public sealed class RedisHealthCheck(RedisLink link) : IHealthCheck
{
    public const string Name = "redis";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(link.IsUp
            ? HealthCheckResult.Healthy($"Redis at {link.Endpoint} answers; {link.Replicas} replica(s) share each org's bucket.")
            : HealthCheckResult.Unhealthy($"Redis at {link.Endpoint} unreachable since {link.DownSince:O}: this replica limits each org to {link.Share} of the rate on its own."));
}
