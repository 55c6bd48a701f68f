using System.Net;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Resilience;

/// <summary>The circuit opens on signs of Refold's health only, so one tenant's failing requests never refuse another's.</summary>
public sealed class BreakerTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Send_TenantAFailsRepeatedly_TenantBOfTheSameOrgIsStillServed(HttpStatusCode failure)
    {
        // Tenant A's account answers every call with an error; tenant B's, in the same org, succeeds.
        var handler = new FakeHandler((r, _) => r.Headers.Authorization!.Parameter == Tokens.For("acct_a")
            ? FakeHandler.Json(failure, """{"status_code":500,"error":"SERVER_ERROR","message":"workflow crashed"}""")
            : FakeHandler.Json(HttpStatusCode.OK, """{"linked_account_id":"acct_b"}"""));
        var (factory, services) = TestClients.Build(handler, TimeProvider.System, Sensitive);
        await using var _ = services;
        var tenantA = factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_a")));
        var tenantB = factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_b")));
        Assert.Equal(tenantA.Credential!.LimiterKey, tenantB.Credential!.LimiterKey);

        for (var i = 0; i < 10; i++)
        {
            var error = (await Assert.ThrowsAsync<RefoldApiException>(() => tenantA.SendAsync(LinkedAccounts.GetActiveLinkedAccount))).Error;
            Assert.NotEqual(RefoldErrorKind.CircuitOpen, error.Kind);
        }

        Assert.Equal("acct_b", (string?)(await tenantB.SendAsync(LinkedAccounts.GetActiveLinkedAccount))!["linked_account_id"]);
        Assert.Equal(11, handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Send_RefoldUnwell_OpensTheCircuitForTheOrg(HttpStatusCode failure)
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(failure, "{}"));
        var (factory, services) = TestClients.Build(handler, TimeProvider.System, Sensitive);
        await using var _ = services;

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<RefoldApiException>(() => factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_a"))).SendAsync(LinkedAccounts.GetActiveLinkedAccount));
        }

        var refused = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_b"))).SendAsync(LinkedAccounts.GetActiveLinkedAccount))).Error;
        Assert.Equal(RefoldErrorKind.CircuitOpen, refused.Kind);
        Assert.Equal(2, handler.Requests.Count);
    }

    // No retries, and a breaker that opens after two failures in two calls.
    internal static void Sensitive(RefoldOptions o)
    {
        o.MaxRetries = 0;
        o.BreakerMinimumThroughput = 2;
        o.BreakerFailureRatio = 0.5;
    }
}
