using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

/// <summary>Webhook delivery to a real local HTTP receiver: signature, body, filters, retries on the fake clock.</summary>
public sealed class WebhookDeliveryTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;

    private static WebhookDelivery Delivery(EmulatorFixture f) => f.Emulator.Services.GetRequiredService<WebhookDelivery>();

    // The attempts the delivery service reports to this receiver, in order (the class's emulator is shared by its tests).
    private static Channel<WebhookAttempt> Attempts(EmulatorFixture f, WebhookReceiver receiver)
    {
        var attempts = Channel.CreateUnbounded<WebhookAttempt>();
        Delivery(f).Attempted += a =>
        {
            if (a.Url.StartsWith(receiver.Url.ToString(), StringComparison.Ordinal))
            {
                attempts.Writer.TryWrite(a);
            }
        };
        return attempts;
    }

    private static async Task<WebhookAttempt> NextAsync(Channel<WebhookAttempt> attempts)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await attempts.Reader.ReadAsync(timeout.Token);
    }

    private static async Task<string> SubscribeAsync(EmulatorFixture f, Uri url, string eventName, Action<JsonObject>? change = null)
    {
        var body = Js.O(("webhook_url", url.ToString()), ("webhook_events", new JsonArray(eventName)));
        change?.Invoke(body);
        return (await f.Org().SendAsync("create_webhook", body)).S("_id")!;
    }

    // Fires invoice_paid for Globex: the announcement workflow completes within a second of emulator time.
    private static async Task<string> CompleteAnnouncementAsync(EmulatorFixture f)
    {
        await f.Org(Globex).SendAsync("trigger_event", Js.O(("event", DemoWorkflows.InvoicePaidEvent), ("payload", Js.O(("invoice_id", "in_42"), ("amount", 10)))));
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        var run = (await f.ExecutionsAsync(Js.O(("execution_source", "Event"), ("status", "COMPLETED")))).First()!;
        return run.S("_id")!;
    }

    private static string Hmac(byte[] body, string key) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    [Fact]
    public async Task WorkflowCompleted_IsPostedWithRefoldsBody_AndASignatureThatVerifies()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var f = await emulator.FreshOrgAsync();
        var attempts = Attempts(f, receiver);
        var webhookId = await SubscribeAsync(f, new Uri(receiver.Url, "hooks/refold"), "Workflow Completed");

        var runId = await CompleteAnnouncementAsync(f);
        var hit = await receiver.NextAsync();

        Assert.Equal(("POST", "/hooks/refold"), (hit.Method, hit.Path));
        Assert.StartsWith("application/json", hit.Headers["content-type"]);
        Assert.Equal(Hmac(hit.Body, f.ApiKey), hit.Headers["x-cobalt-signature"]);
        var body = JsonNode.Parse(hit.Text)!;
        Assert.Equal(
            ["linked_account_id", "instance_id", "workflow_id", "config_id", "event", "workflow_name", "status", "environment"],
            body.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal((runId, "Workflow Completed", "COMPLETED", DemoWorkflows.InvoiceAnnouncement, Globex),
            (body.S("instance_id"), body.S("event"), body.S("status"), body.S("workflow_id"), body.S("linked_account_id")));

        var attempt = await NextAsync(attempts);
        Assert.Equal((webhookId, 1, 200, true, (DateTimeOffset?)null), (attempt.WebhookId, attempt.Attempt, attempt.StatusCode, attempt.Delivered, attempt.NextAttemptAt));
    }

    [Fact]
    public async Task FailedDelivery_IsRetriedWithExponentialBackoffOnTheEmulatorClock()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n <= 2 ? 500 : 200);
        await using var f = await emulator.FreshOrgAsync();
        var attempts = Attempts(f, receiver);
        await SubscribeAsync(f, receiver.Url, "Workflow Errored");
        await f.ExecuteAsync(DemoWorkflows.TicketEscalation, "zendesk", Js.O(("ticket_id", "4711")));
        f.Clock.Advance(TimeSpan.FromSeconds(10));

        var first = await NextAsync(attempts);
        Assert.Equal((1, 500, false), (first.Attempt, first.StatusCode, first.Delivered));
        Assert.Equal(f.Clock.GetUtcNow() + TimeSpan.FromSeconds(1), first.NextAttemptAt);
        Assert.Equal(1, receiver.Count);

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await NextAsync(attempts);
        Assert.Equal((2, 500), (second.Attempt, second.StatusCode));
        Assert.Equal(f.Clock.GetUtcNow() + TimeSpan.FromSeconds(2), second.NextAttemptAt);

        f.Clock.Advance(TimeSpan.FromSeconds(2));
        var third = await NextAsync(attempts);
        Assert.Equal((3, 200, true), (third.Attempt, third.StatusCode, third.Delivered));

        var hits = new[] { await receiver.NextAsync(), await receiver.NextAsync(), await receiver.NextAsync() };
        Assert.Single(hits.Select(h => h.Text).Distinct());
        Assert.All(hits, h => Assert.Equal(Hmac(h.Body, f.ApiKey), h.Headers["x-cobalt-signature"]));
        Assert.Equal("Workflow Errored", JsonNode.Parse(hits[0].Text).S("event"));
        Assert.Equal("3", JsonNode.Parse(hits[0].Text)!["failed_node"].S("node_id"));
    }

    [Fact]
    public async Task FailingReceiver_GetsTheFirstAttemptAndThreeRetries_ThenNothingMore()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 503);
        await using var f = await emulator.FreshOrgAsync();
        var attempts = Attempts(f, receiver);
        await SubscribeAsync(f, receiver.Url, "Workflow Completed");
        await CompleteAnnouncementAsync(f);

        var delays = new List<TimeSpan?>();
        for (var i = 1; i <= 4; i++)
        {
            var attempt = await NextAsync(attempts);
            Assert.Equal((i, 503, false), (attempt.Attempt, attempt.StatusCode, attempt.Delivered));
            delays.Add(attempt.NextAttemptAt - f.Clock.GetUtcNow());
            f.Clock.Advance(attempt.NextAttemptAt is { } next ? next - f.Clock.GetUtcNow() : TimeSpan.FromHours(1));
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), null], delays);
        await Delivery(f).WhenIdleAsync();
        Assert.Equal(4, receiver.Count);
    }

    [Fact]
    public async Task Delivery_GoesOnlyToEnabledWebhooksSubscribedToTheEventAndItsWorkflow()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var f = await emulator.FreshOrgAsync();
        await SubscribeAsync(f, new Uri(receiver.Url, "match"), "Workflow Completed", w => w["workflow_ids"] = new JsonArray(DemoWorkflows.InvoiceAnnouncement));
        await SubscribeAsync(f, new Uri(receiver.Url, "disabled"), "Workflow Completed", w => w["is_enabled"] = false);
        await SubscribeAsync(f, new Uri(receiver.Url, "other-event"), "Workflow Errored");
        await SubscribeAsync(f, new Uri(receiver.Url, "other-workflow"), "Workflow Completed", w => w["workflow_ids"] = new JsonArray(DemoWorkflows.ContactSync));
        await SubscribeAsync(f, new Uri(receiver.Url, "other-app"), "Workflow Completed", w => w["slug"] = "hubspot");

        await CompleteAnnouncementAsync(f);
        await Delivery(f).WhenIdleAsync();

        Assert.Equal("/match", (await receiver.NextAsync()).Path);
        Assert.Equal(1, receiver.Count);
    }

    [Fact]
    public async Task CustomWebhook_GetsItsTemplateRenderedWithItsHeadersAndMethod()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var f = await emulator.FreshOrgAsync();
        await SubscribeAsync(f, receiver.Url, "Workflow Completed", w =>
        {
            w["method"] = "PUT";
            w["webhook_headers"] = Js.O(("x-team", "ops"), ("x-run", "{{event.instance_id}}"));
            w["webhook_body"] = Js.O(("text", "Run {{event.instance_id}} is {{event.status}}"), ("result", "{{workflow_response}}"));
        });

        var runId = await CompleteAnnouncementAsync(f);
        var hit = await receiver.NextAsync();
        Assert.Equal(("PUT", "ops", runId), (hit.Method, hit.Headers["x-team"], hit.Headers["x-run"]));
        var expected = Js.O(("text", $"Run {runId} is COMPLETED"), ("result", Js.O(("announced", true), ("invoice_id", "in_42"))));
        Assert.Equal(expected.ToJsonString(), hit.Text);
        Assert.Equal(Hmac(hit.Body, f.ApiKey), hit.Headers["x-cobalt-signature"]);
    }

    [Fact]
    public async Task ConnectionDeleted_IsDeliveredWithTheConnectionBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var f = await emulator.FreshOrgAsync();
        await SubscribeAsync(f, receiver.Url, "Connection Deleted");
        await f.Org(Globex).SendAsync("delete_linked_account_integration", Js.O(("slug", "slack")));

        var body = JsonNode.Parse((await receiver.NextAsync()).Text)!;
        Assert.Equal(("Connection Deleted", "slack", Globex, "General"), (body.S("event"), body.S("slug"), body.S("linked_account_id"), body.S("type")));
        Assert.EndsWith("GMT", body.S("createdAt"));
    }
}
