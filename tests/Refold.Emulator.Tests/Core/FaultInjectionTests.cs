using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests;

public sealed class FaultInjectionTests
{
    private static async Task<List<int>> StatusesAsync(EmulatorFixture f, int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey)).Status);
        }

        return statuses;
    }

    [Fact]
    public async Task ErrorRate_WithSeed_FailsTheSameRequestsEveryRun()
    {
        static void Configure(EmulatorOptions o)
        {
            o.Faults.ErrorRate = 0.5;
            o.Faults.Seed = 7;
        }

        await using var a = await EmulatorFixture.StartAsync(Configure);
        await using var b = await EmulatorFixture.StartAsync(Configure);
        var first = await StatusesAsync(a, 30);
        var second = await StatusesAsync(b, 30);

        Assert.Equal(first, second);
        Assert.Contains(200, first);
        Assert.Contains(first, s => s is 500 or 502 or 503);
        var (status, body, _) = (0, (System.Text.Json.Nodes.JsonNode?)null, 0);
        for (var i = 0; i < 30 && status is 0 or 200; i++)
        {
            (status, body, _) = await a.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: a.ApiKey);
        }

        Assert.Equal(status, body!["status_code"]!.GetValue<int>());
        Assert.Equal("SERVER_ERROR", body.S("error"));
    }

    [Fact]
    public async Task StormRate_One_Answers429ForTheWholeStorm()
    {
        await using var f = await EmulatorFixture.StartAsync(o =>
        {
            o.Faults.StormRate = 1;
            o.Faults.StormLength = 3;
            o.Faults.Seed = 1;
        });
        Assert.All(await StatusesAsync(f, 6), s => Assert.Equal(429, s));
        var (_, _, response) = await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task DropRate_One_AbortsTheConnection()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o.Faults.DropRate = 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey));
    }

    [Fact]
    public async Task DropAfterRate_One_AppliesTheRequestThenAbortsTheConnection()
    {
        await using var f = await EmulatorFixture.StartAsync(o =>
        {
            o.Faults.DropAfterRate = 1;
            o.Faults.Operations = ["create_linked_account"];
        });
        var accounts = f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection(Refold.Emulator.State.Collections.LinkedAccounts);
        var before = accounts.Count;

        await Assert.ThrowsAsync<HttpRequestException>(() => f.RawAsync(HttpMethod.Post, "api/v2/public/linked-account", apiKey: f.ApiKey,
            body: new System.Text.Json.Nodes.JsonObject { ["account_id"] = "acct_dropped", ["name"] = "Dropped Co" }));

        Assert.Equal(before + 1, accounts.Count);
        Assert.Equal(200, (await f.RawAsync(HttpMethod.Get, "api/v2/public/linked-account/acct_dropped", apiKey: f.ApiKey)).Status);
    }

    [Fact]
    public async Task Faults_LimitedToOperations_LeaveOthersAlone()
    {
        await using var f = await EmulatorFixture.StartAsync(o =>
        {
            o.Faults.ErrorRate = 1;
            o.Faults.Operations = ["list_webhooks"];
        });
        Assert.True((await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey)).Status >= 500);
        Assert.Equal(200, (await f.RawAsync(HttpMethod.Get, "api/v2/public/linked-account", apiKey: f.ApiKey)).Status);
    }

    [Fact]
    public async Task Latency_IsWaitedOnTheEmulatorClock()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o.Faults.Latency = TimeSpan.FromSeconds(5));
        var call = f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: f.ApiKey);

        // The answer is held until the fake clock moves past the latency; advance until it arrives.
        while (!call.IsCompleted)
        {
            await Task.Yield();
            f.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(10));
        }

        Assert.Equal(200, (await call).Status);
        Assert.True(f.Clock.GetUtcNow() - EmulatorFixture.Start >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Options_RatioOutOfRange_IsRefusedNamingIt()
    {
        var options = new EmulatorOptions();
        options.Faults.ErrorRate = 1.5;
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("ErrorRate", e.Message);
    }
}
