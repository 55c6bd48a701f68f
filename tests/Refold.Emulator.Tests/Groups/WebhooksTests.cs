using System.Text.Json.Nodes;
using Refold.Api.Errors;
using Refold.Emulator.Core;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class WebhooksTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private static JsonObject NewWebhook(string url = "https://hooks.example.com/a") =>
        Js.O(("webhook_url", url), ("webhook_events", new JsonArray("Connection Created", "Workflow Errored")));

    [Fact]
    public async Task CreateWebhook_Valid_IsListedGettableWithDefaults()
    {
        await using var f = await emulator.FreshOrgAsync();
        var created = await f.Org().SendAsync("create_webhook", NewWebhook());
        Assert.Equal("POST", created.S("method"));
        Assert.True(created!["is_enabled"]!.GetValue<bool>());
        Assert.Equal("default", created.S("webhook_type"));
        Assert.Equal("test", created.S("environment"));

        var list = (await f.Org().SendAsync("list_webhooks"))!.AsArray();
        Assert.Equal(2, list.Count);
        var got = await f.Org().SendAsync("get_webhook", Js.O(("id", created.S("_id"))));
        Assert.Equal("https://hooks.example.com/a", got.S("webhook_url"));
    }

    [Fact]
    public async Task CreateWebhook_UnknownEvent_Is400InvalidEvent()
    {
        await using var f = await emulator.FreshOrgAsync();
        var body = Js.O(("webhook_url", "https://hooks.example.com/a"), ("webhook_events", new JsonArray("Something Happened")));

        // Raw: the client refuses an unknown event name before sending (the catalog's enum); the emulator must too.
        var (status, error, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/webhook", apiKey: f.ApiKey, body: body);

        Assert.Equal(400, status);
        Assert.Equal("INVALID_EVENT", error!["error"]?.GetValue<string>() ?? error["error_code"]?.GetValue<string>());
        Assert.Equal("Invalid event. Check events list in documentation.", error["message"]?.GetValue<string>());
    }

    [Fact]
    public async Task CreateWebhook_BadBodies_Are400NamingTheField()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (s1, b1, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/webhook", apiKey: f.ApiKey, body: Js.O(("webhook_url", "ftp://x"), ("webhook_events", new JsonArray("Connection Created"))));
        Assert.Equal(400, s1);
        Assert.Contains("webhook_url", b1.S("message"));
        var (s2, b2, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/webhook", apiKey: f.ApiKey, body: Js.O(("webhook_url", "https://x.example.com")));
        Assert.Equal(400, s2);
        Assert.Equal("webhook_events is required", b2.S("message"));
        var (s3, b3, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/webhook", apiKey: f.ApiKey, body: Js.O(("webhook_url", "https://x.example.com"), ("webhook_events", "Connection Created")));
        Assert.Equal(400, s3);
        Assert.Equal("webhook_events must be an array of strings", b3.S("message"));
        var (s4, b4, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/webhook", apiKey: f.ApiKey, body: NewWebhook().Also(w => w["method"] = "GET"));
        Assert.Equal(400, s4);
        Assert.Contains("method must be one of POST, PUT, PATCH", b4.S("message"));
    }

    [Fact]
    public async Task UpdateWebhook_OnlySentFields_Change()
    {
        await using var f = await emulator.FreshOrgAsync();
        var id = (await f.Org().SendAsync("create_webhook", NewWebhook())).S("_id");
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        var updated = await f.Org().SendAsync("update_webhook", Js.O(("id", id), ("is_enabled", false), ("webhook_body", Js.O(("text", "{{event.event}}")))));
        Assert.False(updated!["is_enabled"]!.GetValue<bool>());
        Assert.Equal("https://hooks.example.com/a", updated.S("webhook_url"));
        Assert.Equal("slack", updated.S("webhook_type"));
        Assert.Equal(f.Stamp(TimeSpan.FromMinutes(1)), updated.S("updatedAt"));
        Assert.Equal(f.Stamp(TimeSpan.Zero), updated.S("createdAt"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Webhook_UnknownId_Is400ResourceNotFound(string method)
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(new HttpMethod(method), "api/v2/public/webhook/66a1f00dbeefcafe00000999", apiKey: f.ApiKey,
            body: method == "PUT" ? Js.O(("is_enabled", true)) : null);
        Assert.Equal(400, status);
        Assert.Equal("""{"status_code":400,"http_error_type":"BAD_REQUEST","error":"RESOURCE_NOT_FOUND","message":"Webhook not found"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task Webhook_UnknownId_MapsToNotFoundInTheClient()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org().SendAsync("get_webhook", Js.O(("id", "66a1f00dbeefcafe00000999"))));
        Assert.Equal(RefoldErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task DeleteWebhook_Existing_ReturnsTheRemainingOnes()
    {
        await using var f = await emulator.FreshOrgAsync();
        var id = (await f.Org().SendAsync("create_webhook", NewWebhook())).S("_id");
        var remaining = (await f.Org().SendAsync("delete_webhook", Js.O(("id", id))))!.AsArray();
        Assert.Single(remaining);
        Assert.DoesNotContain(remaining, w => w.S("_id") == id);
    }

    [Fact]
    public async Task EditWebhookGroup_SetThenClear_LabelsOnlyTheNamedWebhooks()
    {
        await using var f = await emulator.FreshOrgAsync();
        var a = (await f.Org().SendAsync("create_webhook", NewWebhook("https://a.example.com"))).S("_id");
        var b = (await f.Org().SendAsync("create_webhook", NewWebhook("https://b.example.com"))).S("_id");
        var touched = (await f.Org().SendAsync("edit_webhook_group", Js.O(("webhookIds", new JsonArray(a, b)), ("group", "billing"))))!.AsArray();
        Assert.All(touched, w => Assert.Equal("billing", w.S("group")));

        var cleared = (await f.Org().SendAsync("edit_webhook_group", Js.O(("webhookIds", new JsonArray(a)), ("group", ""))))!.AsArray();
        Assert.Null(Assert.Single(cleared)!["group"]);
        var list = (await f.Org().SendAsync("list_webhooks"))!.AsArray();
        Assert.Equal("billing", list.Single(w => w.S("_id") == b).S("group"));
    }

    [Fact]
    public async Task EditWebhookGroup_EmptyIds_Is400WebhookIdsRequired()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Put, "api/v2/public/webhooks/group/edit", apiKey: f.ApiKey, body: Js.O(("webhookIds", new JsonArray())));
        Assert.Equal(400, status);
        Assert.Equal("webhookIds is required", body.S("message"));
    }

    [Fact]
    public async Task SubscribeWebhookEvents_Deprecated_AddsToTheOrgWebhook()
    {
        await using var f = await emulator.FreshOrgAsync();
        var result = await f.Org().SendAsync("subscribe_webhook_events", Js.O(("webhook_events", new JsonArray("workflow-completed"))));
        Assert.Contains("Workflow Completed", result.A("webhook_events").Select(e => e!.GetValue<string>()));
        var after = await f.Org().SendAsync("unsubscribe_webhook_event", Js.O(("webhook_event", "Workflow Completed")));
        Assert.DoesNotContain("Workflow Completed", after.A("webhook_events").Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public void WebhookSignature_KnownVector_IsHexHmacSha256KeyedWithApiKey()
    {
        // RFC-style test vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        var signature = WebhookSignature.Compute("The quick brown fox jumps over the lazy dog"u8, "key");
        Assert.Equal("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", signature);
    }
}
