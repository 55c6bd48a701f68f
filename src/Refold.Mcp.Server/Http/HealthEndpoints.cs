using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// <c>/healthz</c>: the process is alive and serving (no check runs, nothing is sent upstream). <c>/readyz</c>: every
/// registered health check, Refold's reachability (<see cref="RefoldReachability"/>) among them; 503 when one fails.
/// Neither is behind authentication, and their answers hold check names, statuses and descriptions only.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "/healthz";
    public const string Ready = "/readyz";

    /// <summary>Registers the health checks service and the Refold check; other checks (e.g. Redis) are added beside it.</summary>
    public static IHealthChecksBuilder AddRefoldHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<RefoldReachability>();
        return services.AddHealthChecks()
            .Add(new HealthCheckRegistration(RefoldReachability.Name, sp => sp.GetRequiredService<RefoldReachability>(), failureStatus: null, tags: null));
    }

    public static void MapRefoldHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(Ready, new HealthCheckOptions { ResponseWriter = WriteAsync });
    }

    // {"status": "Healthy", "checks": {"refold": {"status": "Healthy", "description": "..."}}}
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = new JsonObject();
        foreach (var (name, entry) in report.Entries)
        {
            checks[name] = new JsonObject { ["status"] = entry.Status.ToString(), ["description"] = entry.Description };
        }

        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(new JsonObject { ["status"] = report.Status.ToString(), ["checks"] = checks }.ToJsonString());
    }
}
