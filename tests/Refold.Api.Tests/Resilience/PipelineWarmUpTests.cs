using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Operations;
using Refold.Api.Resilience;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Resilience;

/// <summary>The start-up warm-up of the pipeline costs the org nothing: no request reaches Refold and no permit is spent.</summary>
public sealed class PipelineWarmUpTests
{
    [Fact]
    public async Task RunAsync_BeforeTheFirstCall_SendsNothingTakesNoPermitAndLeavesTheBurstWhole()
    {
        var sent = 0;
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, "[]"));
        handler.Received += _ => Interlocked.Increment(ref sent);
        var (factory, services) = TestClients.Build(handler, new ObservableFakeTime(), o =>
        {
            o.PermitsPerSecond = 1;
            o.Burst = 2;
            o.Headroom = 0;
        }, s =>
        {
            s.AddSingleton(sp => new RecordingLimiter(sp.GetRequiredService<RefoldOptions>(), sp.GetRequiredService<TimeProvider>()));
            s.AddSingleton<IRefoldRateLimiter>(sp => sp.GetRequiredService<RecordingLimiter>());
        });
        await using var _ = services;
        var limiter = services.GetRequiredService<RecordingLimiter>();

        await PipelineWarmUp.RunAsync(services);

        Assert.Equal(0, Volatile.Read(ref sent));
        Assert.Empty(limiter.Granted);

        // The burst of two is still whole on the unmoved fake clock: both calls go out at once.
        var client = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));
        await client.SendAsync(Applications.ListApplications);
        await client.SendAsync(Applications.ListApplications);
        Assert.Equal(2, Volatile.Read(ref sent));
        Assert.Equal(2, limiter.Granted.Count);
    }
}
