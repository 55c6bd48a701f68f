using System.Net;
using Microsoft.Extensions.Time.Testing;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Client;

/// <summary>
/// An org key's calls of session-token-only operations: the account's token is minted once, shared by concurrent
/// callers, renewed shortly before it expires, and neither a failed mint nor a refused token is kept.
/// </summary>
public sealed class SessionTokenMinterTests
{
    private static readonly string s_mintPath = "/" + SessionTokens.GenerateSessionToken.Route.TrimStart('/');
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task SendForAccountAsync_ConcurrentFirstCalls_ShareOneMintAndSendTheToken()
    {
        var handler = Refold();
        var client = Client(handler);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.SendForAccountAsync(LinkedAccounts.GetActiveLinkedAccount, [], "acct_1")));
        await client.SendForAccountAsync(LinkedAccounts.GetActiveLinkedAccount, [], "acct_2");

        var mints = handler.Requests.Where(r => r.Uri.AbsolutePath == s_mintPath).ToList();
        Assert.Equal(2, mints.Count);
        Assert.All(mints, m => Assert.Equal(TestClients.ApiKey, m.Headers["x-api-key"]));
        var calls = handler.Requests.Where(r => r.Uri.AbsolutePath != s_mintPath).ToList();
        Assert.Equal(6, calls.Count);
        Assert.Equal(5, calls.Count(c => c.Headers["Authorization"] == "Bearer " + Tokens.For("acct_1")));
        Assert.DoesNotContain(calls, c => c.Headers.ContainsKey("x-api-key"));
    }

    [Fact]
    public async Task SendForAccountAsync_TokenNearExpiry_RenewedWithForceRefresh()
    {
        var handler = Refold();
        var client = Client(handler);

        await client.SendForAccountAsync(LinkedAccounts.GetActiveLinkedAccount, [], "acct_1");
        _time.Advance(TimeSpan.FromMinutes(54));
        await client.SendForAccountAsync(LinkedAccounts.GetActiveLinkedAccount, [], "acct_1");
        _time.Advance(TimeSpan.FromMinutes(2));
        await client.SendForAccountAsync(LinkedAccounts.GetActiveLinkedAccount, [], "acct_1");

        var mints = handler.Requests.Where(r => r.Uri.AbsolutePath == s_mintPath).ToList();
        Assert.Equal(2, mints.Count);
        Assert.DoesNotContain("force_refresh", mints[0].Uri.Query, StringComparison.Ordinal);
        Assert.Contains("force_refresh=true", mints[1].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendForAccountAsync_FailedMint_NotRememberedAndSaysWhy()
    {
        var mintsSoFar = 0;
        var handler = Refold(mint: () => Interlocked.Increment(ref mintsSoFar) == 1
            ? FakeHandler.Json(HttpStatusCode.BadRequest, """{"status_code":400,"error":"INVALID_LINKED_ACCOUNT_ID","message":"No linked account found for account id : acct_1"}""")
            : null);
        var client = Client(handler);

        var error = await Assert.ThrowsAsync<RefoldApiException>(() => client.SendForAccountAsync(LinkedAccounts.GetActiveLinkedAccount, [], "acct_1"));
        await client.SendForAccountAsync(LinkedAccounts.GetActiveLinkedAccount, [], "acct_1");

        Assert.Contains("acct_1", error.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count(r => r.Uri.AbsolutePath == s_mintPath));
    }

    [Fact]
    public async Task SendForAccountAsync_TokenRefused_MintsAnewAndSendsOnceMore()
    {
        var refusals = 0;
        var handler = Refold(call: () => Interlocked.Increment(ref refusals) == 1
            ? FakeHandler.Json(HttpStatusCode.Unauthorized, """{"status_code":401,"error":"INVALID_TOKEN","message":"Invalid token"}""")
            : null);
        var client = Client(handler);

        var result = await client.SendForAccountAsync(LinkedAccounts.GetActiveLinkedAccount, [], "acct_1");

        Assert.Equal("acct_1", result?["account_id"]?.GetValue<string>());
        Assert.Equal(2, handler.Requests.Count(r => r.Uri.AbsolutePath == s_mintPath));
        Assert.Equal(2, handler.Requests.Count(r => r.Uri.AbsolutePath != s_mintPath));
    }

    [Fact]
    public async Task SendForAccountAsync_SessionTokenClient_Refused()
    {
        var client = TestClients.Build(Refold(), _time).Factory.Create(RefoldCredential.FromSessionToken(Tokens.For("acct_1")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendForAccountAsync(LinkedAccounts.GetActiveLinkedAccount, [], "acct_1"));
    }

    // A burst large enough that the frozen clock never holds a request back: these tests are about minting, not the limit.
    private RefoldClient Client(FakeHandler handler) =>
        TestClients.Build(handler, _time, o => o.Burst = 100).Factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey));

    /// <summary>Mints <see cref="Tokens.For"/> tokens living an hour and answers every other call with the account; either may be overridden.</summary>
    private static FakeHandler Refold(Func<HttpResponseMessage?>? mint = null, Func<HttpResponseMessage?>? call = null) => new((request, _) =>
        request.RequestUri!.AbsolutePath == s_mintPath
            ? mint?.Invoke() ?? FakeHandler.Json(HttpStatusCode.OK,
                $$"""{"token":"{{Tokens.For(System.Text.Json.Nodes.JsonNode.Parse(request.Content!.ReadAsStringAsync().Result)!["linked_account_id"]!.GetValue<string>())}}","expires_in":3600}""")
            : call?.Invoke() ?? FakeHandler.Json(HttpStatusCode.OK, $$"""{"account_id":"{{Tokens.ClaimedAccount(request.Headers.Authorization!.Parameter!)}}"}"""));
}
