using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Diagnostics;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Resilience;

/// <summary>The open-breaker gauge belongs to its host: two client registrations in one process each report their own breakers.</summary>
public sealed class BreakerGaugeTests
{
    [Fact]
    public async Task OpenBreakers_OneHostsBreakerOpens_ThatHostReportsOneAndTheOtherZero()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.BadGateway, "{}"));
        var (failing, failingServices) = TestClients.Build(handler, TimeProvider.System, BreakerTests.Sensitive);
        var (quiet, quietServices) = TestClients.Build(handler, TimeProvider.System, BreakerTests.Sensitive);
        await using var _ = failingServices;
        await using var __ = quietServices;
        var client = failing.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));
        quiet.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));
        Assert.Equal(0, OpenBreakersOf(failingServices));

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(Applications.ListApplications));
        }

        var refused = (await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(Applications.ListApplications))).Error;
        Assert.Equal(RefoldErrorKind.CircuitOpen, refused.Kind);
        Assert.Equal(1, OpenBreakersOf(failingServices));
        Assert.Equal(0, OpenBreakersOf(quietServices));
    }

    [Fact]
    public async Task OpenBreakers_HostDisposed_ItsGaugeIsGone()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, "[]"));
        var (_, services) = TestClients.Build(handler, TimeProvider.System, BreakerTests.Sensitive);
        var meters = services.GetRequiredService<IMeterFactory>();
        Assert.Single(GaugesOf(meters));

        await services.DisposeAsync();

        Assert.Empty(GaugesOf(meters));
    }

    // Reads the gauge of this host's meters only, as an exporter of that host would.
    private static int OpenBreakersOf(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        var values = new List<int>();
        using var listener = Listen(meters);
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => values.Add(value));
        listener.Start();
        listener.RecordObservableInstruments();
        return Assert.Single(values);
    }

    private static List<Instrument> GaugesOf(IMeterFactory meters)
    {
        var found = new List<Instrument>();
        using var listener = Listen(meters, found);
        listener.Start();
        return found;
    }

    private static MeterListener Listen(IMeterFactory meters, List<Instrument>? found = null) => new()
    {
        InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == RefoldTelemetry.OpenBreakersName)
            {
                found?.Add(instrument);
                l.EnableMeasurementEvents(instrument);
            }
        },
    };
}
