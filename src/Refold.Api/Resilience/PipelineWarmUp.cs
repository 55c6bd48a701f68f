using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Registry;
using Refold.Api.Client;

namespace Refold.Api.Resilience;

/// <summary>
/// Builds one pipeline like every request's in a registry of its own, runs one made-up answer through it and disposes
/// it. The first pipeline of a process pays for Polly's validation of every strategy's options (reflection over their
/// attributes, cached per type), for its generic strategy types and for the first execution's generic dispatch; a
/// server that does this off its main path spares its first tool call that wait. Nothing is sent and no permit is
/// taken: permits are taken below the pipeline, by <see cref="SendPermit"/>, which this never reaches.
/// </summary>
public static class PipelineWarmUp
{
    public static async Task RunAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<RefoldOptions>();
        var time = services.GetRequiredService<TimeProvider>();
        var gauge = services.GetRequiredService<BreakerGauge>();
        var logs = services.GetRequiredService<ILoggerFactory>();

        // The builder the HTTP client's registry asks the container for per pipeline (its telemetry options).
        _ = services.GetService<ResiliencePipelineBuilder>();
        await using var registry = new ResiliencePipelineRegistry<string>();
        var pipeline = registry.GetOrAddPipeline<HttpResponseMessage>("warm-up", builder =>
        {
            RefoldResilience.Configure(builder, options, time, gauge);
            builder.ConfigureTelemetry(logs);
        });

        // The same generic shape as the HTTP handler's call: a response outcome and a pair of references as state.
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static (_, _) => Outcome.FromResultAsValueTask(new HttpResponseMessage(HttpStatusCode.NoContent)),
                context, (Request: (HttpRequestMessage?)null, Sender: (object?)null)).ConfigureAwait(false);
            outcome.Result?.Dispose();
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
