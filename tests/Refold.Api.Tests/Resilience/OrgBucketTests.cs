using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Refold.Api.Client;
using Refold.Api.Operations;
using Refold.Api.Resilience;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Resilience;

/// <summary>One bucket per org whatever the credential, kept below Refold's limit by the headroom; driven by a fake clock.</summary>
public sealed class OrgBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Limiter_DefaultHeadroom_AdmitsBurstOf4Then18PerSecond()
    {
        using var limiters = new OrgRateLimiters(new RefoldOptions(), _time);
        var limiter = limiters.For("org:o1");

        Assert.Equal(4, Enumerable.Range(0, 10).Count(_ => limiter.AttemptAcquire().IsAcquired));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(4, Enumerable.Range(0, 10).Count(_ => limiter.AttemptAcquire().IsAcquired));

        // Drained: one token every 1/18 s, so 18 in the next second.
        var admitted = 0;
        for (var ms = 0; ms < 1000; ms++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            admitted += limiter.AttemptAcquire().IsAcquired ? 1 : 0;
        }

        Assert.Equal(18, admitted);
    }

    [Fact]
    public async Task Clients_ApiKeyBeforeItsOrgIsKnown_HaveABucketOfTheirOwn()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, "[]"));
        var (factory, services) = TestClients.Build(handler, _time);
        await using var _ = services;

        await Drain(factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey)));

        // The key's answers named no org: a session token of org_1 still has org_1's whole burst.
        await Drain(factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_a"))));
        Assert.Equal(8, handler.Requests.Count);
    }

    [Fact]
    public async Task Clients_ApiKeyThatLearntItsOrg_ShareTheSessionTokensBucket()
    {
        var handler = new FakeHandler((r, _) => FakeHandler.Json(HttpStatusCode.OK,
            r.RequestUri!.AbsolutePath.EndsWith("/session-token", StringComparison.Ordinal) ? $$"""{"token":"{{Tokens.For("acct_b")}}"}""" : "[]"));
        var (factory, services) = TestClients.Build(handler, _time);
        await using var _ = services;
        var key = factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));

        // Refold hands the key a token of org_1: from then on the key is org_1's.
        await key.SendAsync(SessionTokens.GenerateSessionToken, new() { ["linked_account_id"] = "acct_b" });
        _time.Advance(TimeSpan.FromSeconds(1));

        await AssertOneBucket(handler, key, factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_a"))));
    }

    [Fact]
    public async Task Clients_ApiKeyOfDeclaredOrg_ShareTheSessionTokensBucketFromTheFirstCall()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, "[]"));
        var (factory, services) = TestClients.Build(handler, _time, o => o.OrgId = "org_1");
        await using var _ = services;

        await AssertOneBucket(handler, factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey)), factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_a"))));
    }

    [Fact]
    public void AddRefoldClient_AnotherLimiterRegisteredFirst_IsTheOneUsed()
    {
        var services = new ServiceCollection();
        using var mine = new OrgRateLimiters(new RefoldOptions(), _time);
        services.AddSingleton<IRefoldRateLimiter>(mine);
        services.AddRefoldClient();
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IRefoldRateLimiter>());
    }

    // Four calls from two credentials, alternating, empty the one bucket: a fifth from either waits for the next token.
    private async Task AssertOneBucket(FakeHandler handler, RefoldClient key, RefoldClient token)
    {
        var before = handler.Requests.Count;
        for (var i = 0; i < 4; i++)
        {
            await Send(i % 2 == 0 ? key : token);
        }

        var fromKey = Send(key);
        var fromToken = Send(token);
        Assert.Equal(before + 4, handler.Requests.Count);
        _time.Advance(TimeSpan.FromSeconds(1) / 18);
        await fromKey;
        Assert.Equal(before + 5, handler.Requests.Count);
        _time.Advance(TimeSpan.FromSeconds(1) / 18);
        await fromToken;
        Assert.Equal(before + 6, handler.Requests.Count);
    }

    private static async Task Drain(RefoldClient client)
    {
        for (var i = 0; i < 4; i++)
        {
            await Send(client);
        }
    }

    // A read each credential may make: an org key lists applications, a session token reads its own account.
    private static Task Send(RefoldClient client) =>
        client.SendAsync(client.Credential is SessionTokenCredential ? LinkedAccounts.GetActiveLinkedAccount : Applications.ListApplications);
}
