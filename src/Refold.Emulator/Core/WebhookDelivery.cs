using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Refold.Emulator.Engine;
using Refold.Emulator.Groups;
using Refold.Emulator.State;

namespace Refold.Emulator.Core;

/// <summary>One delivery attempt of an event to a webhook: what was sent where, and how the receiver answered.</summary>
/// <param name="NextAttemptAt">When the next retry is due (its timer is already armed), or null when this was the last attempt.</param>
public sealed record WebhookAttempt(
    string WebhookId,
    string Url,
    string EventName,
    int Attempt,
    int? StatusCode,
    string? Error,
    bool Delivered,
    DateTimeOffset? NextAttemptAt);

/// <summary>
/// Delivers the events published on <see cref="EmulatorEvents"/> as Refold does (README §9): to every enabled webhook of
/// the event's org and environment that subscribes to the event (and, for workflow events, to its <c>workflow_ids</c>
/// and <c>slug</c> if set), with the webhook's method and headers, the body Refold would send (the event itself, or the
/// webhook's <c>slack</c>/<c>custom</c> template rendered), and <c>x-cobalt-signature</c> = hex HMAC-SHA256 of the raw
/// body keyed with the org's API key of that environment. Anything but HTTP 200 is retried up to
/// <see cref="Retries"/> times after <see cref="FirstRetryDelay"/>, doubling each time, on the emulator's clock.
/// </summary>
public sealed class WebhookDelivery : IHostedService, IDisposable
{
    /// <summary>Retries after the first attempt.</summary>
    public const int Retries = 3;

    /// <summary>Wait before the first retry; each later retry waits twice as long as the one before.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly EmulatorState _state;
    private readonly EmulatorEvents _events;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDelivery> _logger;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    public WebhookDelivery(EmulatorState state, EmulatorEvents events, TimeProvider time, ILogger<WebhookDelivery> logger)
    {
        _state = state;
        _events = events;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raised after each attempt (and after the timer of the next retry, if any, is armed).</summary>
    public event Action<WebhookAttempt>? Attempted;

    /// <summary>Completes when every delivery started so far has ended (delivered or given up). A retry waits on the emulator's clock.</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_inFlight.Keys);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _events.Published += OnPublished;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _events.Published -= OnPublished;
        await _stopping.CancelAsync();
        await WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _http.Dispose();
    }

    // Chooses the receivers at once (the event's moment decides who is subscribed), then delivers in the background.
    private void OnPublished(EmulatorEvent e)
    {
        var partition = _state.Partition(e.OrgId, e.Environment);
        foreach (var webhook in partition.Collection(Collections.Webhooks).Find(w => Subscribed(partition, w, e)))
        {
            var (body, headers) = Request(partition, webhook, e);
            var task = Task.Run(() => DeliverAsync(webhook, e, body, headers));
            _inFlight.TryAdd(task, 0);
            task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private static bool Subscribed(Partition partition, JsonObject webhook, EmulatorEvent e)
    {
        if (webhook.Bool("is_enabled") != true || !(webhook["webhook_events"] as JsonArray ?? []).Any(n => Doc.Text(n) == e.Name))
        {
            return false;
        }

        if (e.Payload.Str("workflow_id") is not { } workflowId)
        {
            return true;
        }

        var only = (webhook["workflow_ids"] as JsonArray ?? []).Select(Doc.Text).ToList();
        var slug = webhook.Str("slug");
        return (only.Count == 0 || only.Contains(workflowId))
            && (string.IsNullOrEmpty(slug) || Workflows.Of(partition).Get(workflowId)?.Str("slug") == slug);
    }

    // The body and headers the webhook receives: the event, or its template rendered with {{event...}} and {{workflow_response...}}.
    private (byte[] Body, Dictionary<string, string> Headers) Request(Partition partition, JsonObject webhook, EmulatorEvent e)
    {
        var context = new JsonObject
        {
            ["event"] = e.Payload.DeepClone(),
            ["workflow_response"] = e.Payload.Str("instance_id") is { } run ? Executions.Of(partition).Get(run)?["return_value"]?.DeepClone() : null,
        };
        var type = WebhooksGroup.View(webhook).Str("webhook_type");
        var body = type == "default" ? e.Payload.DeepClone() : Templates.Render(webhook["webhook_body"], context);
        var bytes = Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in webhook["webhook_headers"] as JsonObject ?? [])
        {
            headers[name] = Doc.Text(Templates.Render(value, context)) ?? "";
        }

        if (_state.ApiKeyOf(e.OrgId, e.Environment) is { } key)
        {
            headers[WebhookSignature.HeaderName] = WebhookSignature.Compute(bytes, key);
        }

        return (bytes, headers);
    }

    private async Task DeliverAsync(JsonObject webhook, EmulatorEvent e, byte[] body, Dictionary<string, string> headers)
    {
        var id = webhook.Str("_id")!;
        var url = webhook.Str("webhook_url")!;
        var method = new HttpMethod(webhook.Str("method") ?? "POST");
        try
        {
            for (var attempt = 1; attempt <= Retries + 1; attempt++)
            {
                var (status, error) = await SendAsync(method, url, body, headers);
                var delivered = status == 200;
                var delay = FirstRetryDelay * Math.Pow(2, attempt - 1);
                var last = delivered || attempt == Retries + 1;
                var wait = last ? null : Task.Delay(delay, _time, _stopping.Token);
                Attempted?.Invoke(new WebhookAttempt(id, url, e.Name, attempt, status, error, delivered, last ? null : _time.GetUtcNow() + delay));
                if (wait is null)
                {
                    if (!delivered)
                    {
                        _logger.LogWarning("Webhook {Webhook} gave up on {Event} after {Attempts} attempts", id, e.Name, attempt);
                    }

                    return;
                }

                await wait;
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task<(int? Status, string? Error)> SendAsync(HttpMethod method, string url, byte[] body, Dictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _http.SendAsync(request, _stopping.Token);
            return ((int)response.StatusCode, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !_stopping.IsCancellationRequested)
        {
            return (null, ex.Message);
        }
    }
}
