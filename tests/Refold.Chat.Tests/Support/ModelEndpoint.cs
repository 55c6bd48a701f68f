using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Refold.Chat.Tests.Support;

/// <summary>
/// The model, played by a script: an OpenAI-compatible <c>/v1/chat/completions</c> on Kestrel at 127.0.0.1:0, answering
/// streaming (SSE chunks) and non-streaming requests with text or tool calls, or failing as told.
/// </summary>
internal sealed class ModelEndpoint : IAsyncDisposable
{
    public const string Model = "scripted-model";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    private ModelEndpoint(WebApplication app) => _app = app;

    /// <summary>The base URL the app takes as <c>--endpoint</c> (ends in /v1).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<ModelRequest> Requests { get; } = new();

    /// <summary>Completes when a request is being held by <see cref="ModelReply.Hang"/>.</summary>
    public Task Hanging => _hanging.Task;

    public static async Task<ModelEndpoint> StartAsync(Func<ModelRequest, ModelReply> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new ModelEndpoint(app);
        app.MapPost("/v1/chat/completions", (HttpContext http) => endpoint.AnswerAsync(http, script));
        await app.StartAsync();
        endpoint.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/v1");
        return endpoint;
    }

    public string[] Args(params string[] more) => ["--endpoint", BaseUrl.ToString(), "--model", Model, "--api-key", "sk-test-not-a-secret", .. more];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext http, Func<ModelRequest, ModelReply> script)
    {
        var body = (await JsonDocument.ParseAsync(http.Request.Body)).RootElement.Clone();
        var request = new ModelRequest(body);
        Requests.Enqueue(request);
        var id = $"chatcmpl-{Interlocked.Increment(ref _calls)}";
        var usage = new JsonObject
        {
            // Estimated like the rest of the project: bytes / 4.
            ["prompt_tokens"] = body.GetRawText().Length / 4,
            ["completion_tokens"] = 0,
            ["total_tokens"] = body.GetRawText().Length / 4,
        };

        switch (script(request))
        {
            case ModelReply.Status s:
                http.Response.StatusCode = s.Code;
                await http.Response.WriteAsJsonAsync(new { error = new { message = $"scripted failure {s.Code}", type = "server_error" } });
                return;
            case ModelReply.BadJson:
                http.Response.ContentType = request.Stream ? "text/event-stream" : "application/json";
                await http.Response.WriteAsync(request.Stream ? "data: {\"id\": oops not json\n\n" : "{\"id\": oops not json");
                return;
            case ModelReply.Hang:
                _hanging.TrySetResult();
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case ModelReply.Text t when request.Stream:
                usage["completion_tokens"] = t.Content.Length / 4;
                await StreamAsync(http, id, Pieces(t.Content).Select(p => new JsonObject { ["content"] = p }), "stop", usage);
                return;
            case ModelReply.Text t:
                usage["completion_tokens"] = t.Content.Length / 4;
                await CompleteAsync(http, id, new JsonObject { ["role"] = "assistant", ["content"] = t.Content }, "stop", usage);
                return;
            case ModelReply.ToolCall c when request.Stream:
                await StreamAsync(http, id, [new JsonObject { ["tool_calls"] = new JsonArray(Call(id, c, index: true)) }], "tool_calls", usage);
                return;
            case ModelReply.ToolCall c:
                await CompleteAsync(http, id, new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(Call(id, c, index: false)) }, "tool_calls", usage);
                return;
        }
    }

    private static JsonObject Call(string id, ModelReply.ToolCall call, bool index)
    {
        var json = new JsonObject
        {
            ["id"] = $"call_{id}",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
        };
        if (index)
        {
            json["index"] = 0;
        }

        return json;
    }

    private static async Task CompleteAsync(HttpContext http, string id, JsonObject message, string finish, JsonObject usage) =>
        await http.Response.WriteAsync(new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = 1_780_000_000,
            ["model"] = Model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
            ["usage"] = usage,
        }.ToJsonString());

    private static async Task StreamAsync(HttpContext http, string id, IEnumerable<JsonObject> deltas, string finish, JsonObject usage)
    {
        http.Response.ContentType = "text/event-stream";
        var first = true;
        foreach (var delta in deltas)
        {
            if (first)
            {
                delta["role"] = "assistant";
                first = false;
            }

            await SendAsync(http, Chunk(id, new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null })));
        }

        await SendAsync(http, Chunk(id, new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = finish })));
        var last = Chunk(id, []);
        last["usage"] = usage;
        await SendAsync(http, last);
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static JsonObject Chunk(string id, JsonArray choices) => new()
    {
        ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = 1_780_000_000, ["model"] = Model, ["choices"] = choices,
    };

    private static async Task SendAsync(HttpContext http, JsonObject chunk)
    {
        await http.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", Encoding.UTF8);
        await http.Response.Body.FlushAsync();
    }

    // The answer in word-sized pieces, as a model streams it.
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
