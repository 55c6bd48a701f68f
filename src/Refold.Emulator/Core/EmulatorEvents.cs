using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Refold.Emulator.Core;

/// <summary>
/// An event Refold would deliver to webhooks (README §9): <see cref="Name"/> is one of <see cref="WebhookEventNames"/>,
/// <see cref="Payload"/> the body Refold posts.
/// </summary>
public sealed record EmulatorEvent(string OrgId, string Environment, string Name, JsonObject Payload);

/// <summary>The five webhook event names Refold sends.</summary>
public static class WebhookEventNames
{
    public const string ConnectionCreated = "Connection Created";
    public const string ConnectionDeleted = "Connection Deleted";
    public const string ConnectionExpired = "Connection Expired";
    public const string WorkflowCompleted = "Workflow Completed";
    public const string WorkflowErrored = "Workflow Errored";

    public static IReadOnlyList<string> All => Refold.Api.Operations.Webhooks.EventNames;
}

/// <summary>
/// Where groups publish the events Refold sends to webhooks. A delivery service subscribes to <see cref="Published"/>
/// (and signs each body with <see cref="WebhookSignature"/>); with no subscriber an event is simply dropped.
/// </summary>
public sealed class EmulatorEvents
{
    /// <summary>Raised synchronously for each published event; handlers must not block.</summary>
    public event Action<EmulatorEvent>? Published;

    public void Publish(EmulatorEvent e) => Published?.Invoke(e);

    /// <summary>Publishes a connection event with Refold's body <c>{linked_account_id, org_id, environment, type, event, slug, createdAt}</c>.</summary>
    public void PublishConnection(string orgId, string environment, string name, string linkedAccountId, string slug, DateTimeOffset at) =>
        Publish(new EmulatorEvent(orgId, environment, name, new JsonObject
        {
            ["linked_account_id"] = linkedAccountId,
            ["org_id"] = orgId,
            ["environment"] = environment,
            ["type"] = "General",
            ["event"] = name,
            ["slug"] = slug,
            ["createdAt"] = at.UtcDateTime.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        }));
}

/// <summary>Refold's webhook signature: header <c>x-cobalt-signature</c>, hex HMAC-SHA256 of the raw body keyed with the org API key.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "x-cobalt-signature";

    public static string Compute(ReadOnlySpan<byte> body, string apiKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey), body));
}
