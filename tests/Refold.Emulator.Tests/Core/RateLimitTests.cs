using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests;

public sealed class RateLimitTests
{
    private static Task<EmulatorFixture> Start() => EmulatorFixture.StartAsync(o => o.RateLimit.Enabled = true);

    [Fact]
    public async Task Requests_BeyondBurstOfFive_Get429WithStandardEnvelopeAndRetryAfter()
    {
        await using var f = await Start();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey)).Status);
        }

        var (status, body, response) = await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey);
        Assert.Equal(429, status);
        Assert.Equal(429, body!["status_code"]!.GetValue<int>());
        Assert.Equal("TOO_MANY_REQUESTS", body.S("http_error_type"));
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Requests_AtTwentyPerSecond_AreAllServedAfterTheBurst()
    {
        await using var f = await Start();
        for (var i = 0; i < 5; i++)
        {
            await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey);
        }

        // One token comes back every 50 ms: a steady 20 requests/s is served, a 21st within the same tick is not.
        for (var i = 0; i < 20; i++)
        {
            f.Clock.Advance(TimeSpan.FromMilliseconds(50));
            Assert.Equal(200, (await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey)).Status);
        }

        Assert.Equal(429, (await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey)).Status);
    }

    [Fact]
    public async Task Limit_IsPerOrg_AnotherOrgIsUnaffected()
    {
        await using var f = await Start();
        f.Emulator.State.AddOrg("tk_other_org");
        for (var i = 0; i < 6; i++)
        {
            await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey);
        }

        Assert.Equal(429, (await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey)).Status);
        Assert.Equal(200, (await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: "tk_other_org")).Status);
    }

    [Fact]
    public async Task SessionTokenCalls_CountAgainstTheirOrg()
    {
        await using var f = await Start();
        var token = await f.TokenForAsync(Seed.DemoOrg.GlobexAccount);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(200, (await f.RawAsync(HttpMethod.Get, "api/v2/public/hosted-properties", bearer: token)).Status);
        }

        Assert.Equal(429, (await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey)).Status);
    }
}
