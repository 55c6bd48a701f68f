using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Registry;
using Refold.Api.Client;

namespace Refold.Api.Resilience;

/// <summary>
/// Builds one pipeline like every request's in a registry of its own, runs nothing through it and disposes it. The
/// first pipeline of a process pays for Polly's validation of every strategy's options (reflection over their
/// attributes, cached per type) and for its generic strategy types; a server that does this off its main path spares
/// its first tool call that wait. No request is sent and no permit is taken.
/// </summary>
public static class PipelineWarmUp
{
    public static async Task RunAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<RefoldOptions>();
        var limiter = services.GetRequiredService<IRefoldRateLimiter>();
        var time = services.GetRequiredService<TimeProvider>();
        var logs = services.GetRequiredService<ILoggerFactory>();

        // The builder the HTTP client's registry asks the container for per pipeline (its telemetry options).
        _ = services.GetService<ResiliencePipelineBuilder>();
        await using var registry = new ResiliencePipelineRegistry<string>();
        _ = registry.GetOrAddPipeline<HttpResponseMessage>("warm-up", pipeline =>
        {
            RefoldResilience.Configure(pipeline, options, limiter, time);
            pipeline.ConfigureTelemetry(logs);
        });
    }
}
