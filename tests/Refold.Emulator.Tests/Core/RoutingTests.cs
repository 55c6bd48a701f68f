using Refold.Api.Catalog;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests;

public sealed class RoutingTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    [Fact]
    public async Task EveryNonDeprecatedCatalogOperation_HasAnEmulatorRoute()
    {
        await using var f = await emulator.FreshOrgAsync();
        var routed = f.Emulator.RoutedOperations.Select(o => o.Name).ToHashSet();
        var missing = RefoldCatalog.Operations.Where(o => !o.Deprecated && !routed.Contains(o.Name))
            .GroupBy(o => o.Group.Title)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => o.Name))}")
            .ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} group(s) have operations without an emulator route:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task RoutedOperations_AreBoundToTheirCatalogMethodAndRoute()
    {
        await using var f = await emulator.FreshOrgAsync();
        var routed = f.Emulator.RoutedOperations;
        Assert.NotEmpty(routed);
        Assert.All(routed, o => Assert.Same(RefoldCatalog.Find(o.Name), o));

        // Each routed operation answers on its own method and path (an unauthenticated call is refused by that
        // operation's auth, not by the not-found fallback).
        foreach (var op in routed.Where(o => o.Auth != AuthLevel.None))
        {
            var path = op.Route;
            foreach (var p in op.Parameters.Where(p => p.In == ParameterLocation.Path))
            {
                path = path.Replace("{" + p.SentAs + "}", "x", StringComparison.Ordinal);
            }

            var (status, body, _) = await f.RawAsync(op.Method, path);
            Assert.True(status == 401, $"{op.Name}: {op.Method} {path} answered {status} {body?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task UnknownRoute_Is404InTheStandardEnvelope()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/nothing-here", apiKey: f.ApiKey);
        Assert.Equal(404, status);
        Assert.Equal("NOT_FOUND", body.S("http_error_type"));
        Assert.Equal("RESOURCE_NOT_FOUND", body.S("error"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"account_id":"a","account_id":"b"}""")]
    [InlineData("""{"account_id":"\ud800"}""")]
    public async Task Request_InvalidJsonBody_Is400(string json)
    {
        await using var f = await emulator.FreshOrgAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Refold.Api.Operations.LinkedAccounts.CreateLinkedAccount.Route.TrimStart('/'))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", f.ApiKey);
        var response = await f.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_UnknownApiKey_Is401InvalidCredentials()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/webhook", apiKey: "tk_not_a_key");
        Assert.Equal(401, status);
        Assert.Equal("Invalid Credentials", body.S("message"));
    }
}
