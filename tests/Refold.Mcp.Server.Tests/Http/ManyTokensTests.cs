using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Refold.Emulator;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Http;

/// <summary>
/// Many tenants' first requests at once: every distinct token is checked once, each against its own org's limit, so
/// the checks of 1,000 tokens never queue behind one limit shared by everyone.
/// </summary>
public sealed class ManyTokensTests
{
    private const int Orgs = 10;
    private const int TokensPerOrg = 100;

    // Each org's bucket holds a little more than its own checks; one bucket for all would hold a tenth of them.
    private const int Burst = TokensPerOrg + 10;

    [Fact]
    public async Task Sessions_ThousandTokensOfTenOrgs_OneCheckEachFromEachOrgsOwnLimit()
    {
        await using var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions { RateLimit = new RateLimitOptions { Enabled = false } });
        var issuer = emulator.Services.GetRequiredService<SessionTokenService>();
        var orgs = Enumerable.Range(0, Orgs).Select(i => emulator.AddDemoOrg($"tk-many-tokens-org-{i:00}")).ToList();
        var tokens = orgs.SelectMany(org => Enumerable.Range(0, TokensPerOrg)
            .Select(_ => issuer.Issue(emulator.State.Partition(org, "test"), DemoOrg.GlobexAccount, forceRefresh: true).Token)).ToList();

        // A clock that never moves: no bucket refills, so every check must fit in its own org's burst.
        var frozen = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var upstream = new Upstream(emulator.BaseUrl);
        await using var http = await HttpHarness.StartAsync(upstream, CommandLine.Parse(["--rate", $"{Burst}", "--burst", $"{Burst}", "--headroom", "0"]), frozen);

        // Checks stuck behind a shared limit would wait for the frozen clock forever: give up (and fail) after a minute.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var listed = new int[tokens.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = giveUp.Token }, async (i, cancel) =>
        {
            var client = await http.ConnectAsync(HttpHarness.Bearer(tokens[i]));
            listed[i] = (await client.ListToolsAsync(cancellationToken: cancel)).Count;
        });

        Assert.Equal(Orgs * TokensPerOrg, tokens.Distinct().Count());
        Assert.All(listed, n => Assert.True(n > 0));
        Assert.All(orgs, org => Assert.Equal(TokensPerOrg, emulator.Served.Count(org, "get_active_linked_account")));
    }
}
