using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Refold.Api.Diagnostics;
using Refold.Api.Resilience;

namespace Refold.Api.Client;

/// <summary>Registers the Refold client: options, the per-org limiters and the resilient HTTP client.</summary>
public static class RefoldServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RefoldClientFactory"/>. The returned builder lets callers replace the primary handler
    /// (tests use a fake one, the server may point at the embedded emulator).
    /// </summary>
    public static IHttpClientBuilder AddRefoldClient(this IServiceCollection services, Action<RefoldOptions>? configure = null)
    {
        var options = new RefoldOptions();
        configure?.Invoke(options);
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new OrgRateLimiters(options, sp.GetRequiredService<TimeProvider>()));

        // Replaceable: register another IRefoldRateLimiter first (a store shared by several processes) and it is used.
        services.TryAddSingleton<IRefoldRateLimiter>(sp => sp.GetRequiredService<OrgRateLimiters>());
        services.AddSingleton<SessionTokenMinter>();
        services.AddMetrics();
        services.AddSingleton(sp => new BreakerGauge(sp.GetRequiredService<IMeterFactory>()));
        services.AddSingleton(sp =>
        {
            // The host's open-breaker gauge reports (0) from the first client on, not only once a pipeline is built.
            sp.GetRequiredService<BreakerGauge>();
            return new RefoldClientFactory(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IRefoldRateLimiter>(), sp.GetRequiredService<SessionTokenMinter>());
        });

        var baseUrl = options.BaseUrl.ToString();
        var builder = services.AddHttpClient(RefoldClientFactory.HttpClientName, http =>
        {
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

            // Attempts and the whole call are bounded by the pipeline's timeouts (AttemptTimeout, CallDeadline).
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder
            .AddResilienceHandler("refold", (pipeline, context) =>
            {
                var sp = context.ServiceProvider;
                RefoldResilience.Configure(pipeline, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<BreakerGauge>());
            })
            .SelectPipelineBy(_ => RefoldRequestOptions.PipelineKey);

        // Below the pipeline, each attempt takes its org's permit, then is counted as sent, then goes to the connection.
        builder.AddHttpMessageHandler(sp => new SendPermit(sp.GetRequiredService<IRefoldRateLimiter>(), sp.GetRequiredService<TimeProvider>()));

        // Inside the pipeline: sees each attempt actually sent, for the upstream-request metrics.
        builder.AddHttpMessageHandler(() => new UpstreamAttempts());
        return builder;
    }
}
