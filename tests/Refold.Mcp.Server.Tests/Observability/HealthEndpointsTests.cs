using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Refold.Emulator;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Http;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Observability;

/// <summary>/healthz (alive, nothing sent upstream) and /readyz (Refold reachable, cached), without credentials; and the healthcheck command.</summary>
public sealed class HealthEndpointsTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpHarness http, string path)
    {
        using var response = await http.Raw.GetAsync(new Uri(http.Endpoint, path));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Readyz_RefoldUp_200WithRefoldCheckHealthy()
    {
        await using var refold = await FakeRefold.StartAsync();
        await using var http = await HttpHarness.StartAsync(new Upstream(refold.BaseUrl));

        var (status, body) = await GetAsync(http, HealthEndpoints.Ready);
        var (live, _) = await GetAsync(http, HealthEndpoints.Live);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal("Healthy", body.Str("status"));
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty(RefoldReachability.Name).Str("status"));
    }

    [Fact]
    public async Task Readyz_RefoldDropsEveryConnection_503ButHealthzStill200()
    {
        await using var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions { Faults = { DropRate = 1, Seed = 1 } });
        await using var http = await HttpHarness.StartAsync(new Upstream(emulator.BaseUrl));

        var (ready, body) = await GetAsync(http, HealthEndpoints.Ready);
        var (live, liveBody) = await GetAsync(http, HealthEndpoints.Live);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal("Unhealthy", body.Str("status"));
        var refold = body.GetProperty("checks").GetProperty(RefoldReachability.Name);
        Assert.Equal("Unhealthy", refold.Str("status"));
        Assert.Contains("cannot be reached", refold.Str("description"), StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.ApiKey, body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal("Healthy", liveBody.Str("status"));
    }

    [Fact]
    public async Task Readyz_RefoldGoesDown_CachedAnswerUntilTheCacheTimePasses()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var refold = await FakeRefold.StartAsync();
        await using var http = await HttpHarness.StartAsync(new Upstream(refold.BaseUrl), time: time);

        var (before, _) = await GetAsync(http, HealthEndpoints.Ready);
        await refold.DisposeAsync();
        var (cached, _) = await GetAsync(http, HealthEndpoints.Ready);
        time.Advance(RefoldReachability.CacheFor);
        var (after, body) = await GetAsync(http, HealthEndpoints.Ready);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.OK, cached);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty(RefoldReachability.Name).Str("status"));
    }

    [Fact]
    public async Task HealthCheckCommand_ServerUpThenNone_Exit0Then1()
    {
        await using var refold = await FakeRefold.StartAsync();
        var http = await HttpHarness.StartAsync(new Upstream(refold.BaseUrl));
        var urls = http.Endpoint.GetLeftPart(UriPartial.Authority);
        var error = new StringWriter();

        var up = await HealthProbe.RunAsync(urls, error);
        await http.DisposeAsync();
        var down = await HealthProbe.RunAsync(urls, error);

        Assert.Equal(0, up);
        Assert.Equal(1, down);
        Assert.Contains("no answer from " + urls + HealthEndpoints.Live, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLine_Healthcheck_ParsedWithUrls()
    {
        var options = CommandLine.Parse(["healthcheck", "--urls", "http://0.0.0.0:8080"]);

        Assert.Equal(Command.HealthCheck, options.Command);
        Assert.Equal("http://0.0.0.0:8080", options.Urls);
    }
}
