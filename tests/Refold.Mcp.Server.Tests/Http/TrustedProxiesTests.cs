using System.Net;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Http;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Http;

/// <summary>
/// The client address the per-address budgets count comes from X-Forwarded-For only when the direct peer is a proxy
/// listed with --trusted-proxies; anyone else's header is ignored.
/// </summary>
public sealed class TrustedProxiesTests : FakeRefoldTest
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");
    [Fact]
    public async Task ForwardedFor_FromUntrustedPeer_IgnoredAndBudgetCountedToPeer()
    {
        await using var http = await StartAsync();

        // Each forged credential claims another forwarded address; all are counted to the peer itself.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await PresentForgedAsync(http, http.Raw, $"10.0.0.{i + 1}", i));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(Gate(http).RetryAfter("127.0.0.1") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, Gate(http).RetryAfter("10.0.0.1"));
    }

    [Fact]
    public async Task ForwardedFor_FromTrustedProxy_BudgetCountedToForwardedClient()
    {
        await using var http = await StartAsync();
        using var proxy = HttpHarness.FromAddress(Proxy);

        // Three clients behind the proxy, one forged credential each: every one has its own budget.
        var distinct = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            distinct.Add(await PresentForgedAsync(http, proxy, $"198.51.100.{i + 1}", i));
        }

        // One client behind the proxy presenting three: its own budget runs out, the proxy's stays whole.
        var same = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            same.Add(await PresentForgedAsync(http, proxy, "203.0.113.7", 10 + i));
        }

        Assert.All(distinct, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], same);
        Assert.True(Gate(http).RetryAfter("203.0.113.7") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, Gate(http).RetryAfter(Proxy.ToString()));
        Assert.Equal(TimeSpan.Zero, Gate(http).RetryAfter("198.51.100.1"));
    }

    [Theory]
    [InlineData("10.0.0.5,10.1.0.0/16,fd00::/8", null)]
    [InlineData("10.0.0.5,proxy.internal", "'proxy.internal' is neither an IP address nor a CIDR range")]
    [InlineData(",", "needs at least one proxy")]
    public void Parse_TrustedProxies_AcceptsAddressesAndRangesElseNamesTheBadEntry(string value, string? error)
    {
        try
        {
            var options = CommandLine.Parse(["--transport", "http", "--trusted-proxies", value]);
            Assert.Null(error);
            Assert.Equal(value.Split(','), options.TrustedProxies);
        }
        catch (UsageException e)
        {
            Assert.NotNull(error);
            Assert.Contains(error, e.Message, StringComparison.Ordinal);
            Assert.Contains("--trusted-proxies", e.Message, StringComparison.Ordinal);
        }
    }

    private Task<HttpHarness> StartAsync() => HttpHarness.StartAsync(new Upstream(Refold.BaseUrl), new ServerOptions
    {
        TrustedProxies = [Proxy.ToString()],
        Sessions = new HttpSessionOptions { RefusalsPerAddress = 2, ChecksInFlightPerAddress = 1 },
    });

    private static AddressGate Gate(HttpHarness http) => (AddressGate)http.Services.GetService(typeof(AddressGate))!;

    private static async Task<HttpStatusCode> PresentForgedAsync(HttpHarness http, HttpClient from, string forwardedFor, int n)
    {
        var headers = HttpHarness.Bearer(FakeRefold.ForgedToken($"acct_forged_{n}", plausible: true));
        headers["X-Forwarded-For"] = forwardedFor;
        using var response = await http.PostAsync(HttpHarness.InitializeJson, headers, from);
        return response.StatusCode;
    }
}
