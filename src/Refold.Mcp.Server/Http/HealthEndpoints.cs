using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Refold.Mcp.Server.Http;

/// <summary><c>/healthz</c>: the process answers (no checks). <c>/readyz</c>: every registered health check passes (503 otherwise), e.g. <c>redis</c>.</summary>
public static class HealthEndpoints
{
    public const string Alive = "/healthz";
    public const string Ready = "/readyz";

    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(Alive, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(Ready);
    }
}
