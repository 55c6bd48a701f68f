using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Emulator.State;

namespace Refold.Emulator.Tests.Support;

/// <summary>
/// A running emulator on 127.0.0.1:0 with a fake clock, plus the catalog's real client stack pointed at it.
/// The emulator's rate limit is off unless a test turns it on (the fake clock does not move by itself).
/// </summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-27T12:00:00Z", CultureInfo.InvariantCulture);

    private readonly ServiceProvider _services;
    private readonly RefoldClientFactory _clients;
    private readonly bool _ownsEmulator;

    private EmulatorFixture(RefoldEmulator emulator, FakeTimeProvider clock, string? apiKey = null, string? orgId = null)
    {
        Emulator = emulator;
        Clock = clock;
        _ownsEmulator = apiKey is null;
        ApiKey = apiKey ?? emulator.ApiKey;
        OrgId = orgId ?? EmulatorDefaults.OrgId;
        StartedAt = clock.GetUtcNow();
        var services = new ServiceCollection();

        // The client's own limiter and retries run on the real clock; the emulator's clock is the fake one.
        services.AddSingleton(TimeProvider.System);
        services.AddRefoldClient(o =>
        {
            o.BaseUrl = emulator.BaseUrl;
            o.MaxRetries = 0;
            o.PermitsPerSecond = 1000;
            o.Burst = 1000;
        });
        _services = services.BuildServiceProvider();
        _clients = _services.GetRequiredService<RefoldClientFactory>();
        Http = new HttpClient { BaseAddress = emulator.BaseUrl };
    }

    public RefoldEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>A plain HTTP client for asserting raw status codes, headers and bodies.</summary>
    public HttpClient Http { get; }

    /// <summary>The API key of this fixture's org (the seeded demo org, or a fresh one on a <see cref="SharedEmulator"/>).</summary>
    public string ApiKey { get; }

    /// <summary>The id of this fixture's org.</summary>
    public string OrgId { get; }

    /// <summary>The emulator's time when this fixture's org began: <see cref="Start"/>, or a later noon UTC on a <see cref="SharedEmulator"/>.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The timestamp Refold writes for <paramref name="after"/> past <see cref="StartedAt"/>, e.g. <c>2026-11-27T12:05:00.000Z</c>.</summary>
    public string Stamp(TimeSpan after) => EmulatorState.Iso(StartedAt + after);

    /// <summary>The date <paramref name="days"/> days after <see cref="StartedAt"/>, written YYYY-MM-DD.</summary>
    public string Date(int days) => StartedAt.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Starts an emulator of its own (for tests that need special options, a data file or their own clock).</summary>

    public static async Task<EmulatorFixture> StartAsync(Action<EmulatorOptions>? configure = null, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(Start);
        var options = new EmulatorOptions { TimeProvider = clock };
        options.RateLimit.Enabled = false;
        configure?.Invoke(options);
        return new EmulatorFixture(await RefoldEmulator.StartAsync(options), clock);
    }

    /// <summary>A fixture on a running emulator acting as a fresh demo org of its own (see <see cref="SharedEmulator"/>); disposing it leaves the emulator running.</summary>
    internal static EmulatorFixture ForOrg(RefoldEmulator emulator, FakeTimeProvider clock, string apiKey, string orgId) => new(emulator, clock, apiKey, orgId);

    /// <summary>The catalog client with the org API key (optionally bound to a linked account).</summary>
    public RefoldClient Org(string? linkedAccount = null) => _clients.Create(RefoldCredential.FromApiKey(ApiKey, linkedAccount));

    public RefoldClient WithKey(string apiKey, string? linkedAccount = null) => _clients.Create(RefoldCredential.FromApiKey(apiKey, linkedAccount));

    /// <summary>The catalog client with a session token.</summary>
    public RefoldClient Session(string token) => _clients.Create(RefoldCredential.FromSessionToken(token));

    /// <summary>A fresh session token for the account, minted through generate_session_token.</summary>
    public async Task<string> TokenForAsync(string accountId, bool forceRefresh = true)
    {
        var args = new JsonObject { ["linked_account_id"] = accountId };
        if (forceRefresh)
        {
            args["force_refresh"] = "true";
        }

        var issued = await Org().SendAsync("generate_session_token", args);
        return issued!["token"]!.GetValue<string>();
    }

    /// <summary>The error a call fails with (the test fails if it succeeds).</summary>
    public static async Task<RefoldError> FailsAsync(Task<JsonNode?> call)
    {
        var e = await Assert.ThrowsAsync<RefoldApiException>(() => call);
        return e.Error;
    }

    /// <summary>Sends a raw request; returns status, parsed body and the response.</summary>
    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> RawAsync(
        HttpMethod method, string path, string? apiKey = null, string? bearer = null, JsonNode? body = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text), response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _services.DisposeAsync();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }
        else
        {
            // Nothing of this org (schedules, runs) moves when a later test of the class moves the clock.
            Emulator.RemoveOrg(OrgId);
        }
    }
}
