using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Refold.Api.Resilience;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Scale;

/// <summary>Registers what <see cref="ScaleOptions"/> asks for; call before <c>AddRefoldClient</c> so the shared limiter replaces the in-process one.</summary>
public static class ScaleServices
{
    public static IServiceCollection AddRefoldScale(this IServiceCollection services, ScaleOptions scale)
    {
        services.AddSingleton(scale);
        if (scale.Redis is null)
        {
            // Made on first use: a random key loads OpenSSL, which no session should wait for before its first confirmation.
            services.AddSingleton(_ => ConfirmationTicket.Create(scale.TicketKey, new TicketLedger()));
            return services;
        }

        services.AddSingleton<RedisLink>();
        services.AddSingleton<RedisRateLimiter>();
        services.AddSingleton<IRefoldRateLimiter>(sp => sp.GetRequiredService<RedisRateLimiter>());
        services.AddSingleton(sp => ConfirmationTicket.Create(scale.TicketKey, new RedisTicketLedger(sp.GetRequiredService<RedisLink>())));
        services.AddSingleton<ReplicaAnnouncer>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ReplicaAnnouncer>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name);
        return services;
    }
}
