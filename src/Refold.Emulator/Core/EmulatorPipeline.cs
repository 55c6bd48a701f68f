using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Refold.Api.Catalog;
using Refold.Emulator.State;

namespace Refold.Emulator.Core;

/// <summary>What every emulated request goes through, in order: faults, body, auth, per-org limit, inputs, handler, audit, persistence.</summary>
internal sealed class EmulatorPipeline(
    EmulatorState state,
    EmulatorOptions options,
    Authenticator authenticator,
    RequestLimiter limiter,
    FaultInjector faults,
    EmulatorEvents events,
    ServedRequests served,
    ILogger<EmulatorPipeline> logger)
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext http, Operation operation, Func<EmulatorRequest, Task<EmulatorResult>> handler, Func<string, EmulatorResult>? invalidInput, bool acceptsForm = false)
    {
        var fault = faults.Next(operation);
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, options.TimeProvider, http.RequestAborted);
        }

        if (fault.Drop)
        {
            http.Abort();
            return;
        }

        if (fault.ErrorStatus is { } status)
        {
            await WriteAsync(http, operation, RefoldErrors.Standard(status, "SERVER_ERROR", "Injected fault: the emulator failed this request on purpose."));
            return;
        }

        if (fault.RateLimited)
        {
            await WriteAsync(http, operation, RefoldErrors.TooManyRequests(TimeSpan.FromSeconds(1)));
            return;
        }

        var result = await RunAsync(http, operation, handler, invalidInput, acceptsForm);
        state.SaveIfChanged();
        if (fault.DropAfter)
        {
            // Applied, but the answer is lost: the client cannot tell whether the call took effect.
            http.Abort();
            return;
        }

        await WriteAsync(http, operation, result);
    }

    private async Task<EmulatorResult> RunAsync(HttpContext http, Operation operation, Func<EmulatorRequest, Task<EmulatorResult>> handler, Func<string, EmulatorResult>? invalidInput, bool acceptsForm)
    {
        JsonNode? body;
        try
        {
            body = acceptsForm && FormBody.IsForm(http.Request) ? await FormBody.ReadAsync(http.Request) : await ReadBodyAsync(http.Request);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or InvalidDataException)
        {
            return RefoldErrors.Envelope(operation, 400, "SERVER_ERROR",
                acceptsForm ? "request body is not valid JSON or multipart/form-data (payload must be a JSON-stringified object)" : "request body is not valid JSON");
        }

        if (HeaderText.FirstInvalid(http.Request) is { } header)
        {
            return RefoldErrors.Envelope(operation, 400, "SERVER_ERROR", $"header {header} is not valid UTF-8; send its value as UTF-8 text");
        }

        var (caller, refusal) = authenticator.Authenticate(operation, http.Request);
        if (refusal is not null)
        {
            return refusal;
        }

        if (caller!.HasOrg && !limiter.TryAcquire(caller.OrgId!, out var retryAfter))
        {
            return RefoldErrors.TooManyRequests(retryAfter);
        }

        if (caller.HasOrg)
        {
            served.Add(caller.OrgId!, operation.Name);
        }

        if (InputValidator.Check(operation, http.Request, body, caller) is { } problem)
        {
            return invalidInput?.Invoke(problem) ?? RefoldErrors.Envelope(operation, 400, "SERVER_ERROR", problem);
        }

        try
        {
            var request = new EmulatorRequest(http, operation, caller, body, state, events);
            var result = await handler(request);
            AuditRecorder.Record(request, result);
            return result;
        }
        catch (EmulatorException e)
        {
            return e.Result;
        }
        catch (UndeclaredInputException e)
        {
            logger.LogError(e, "Handler of {Operation} reads an undeclared input", operation.Name);
            return RefoldErrors.Envelope(operation, 500, "SERVER_ERROR", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Handler of {Operation} failed", operation.Name);
            return RefoldErrors.Envelope(operation, 500, "SERVER_ERROR", "Internal server error");
        }
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Duplicate keys and strings that are not valid UTF-16 (a lone surrogate) fail here, as a 400, rather than
        // later inside a handler.
        var body = JsonNode.Parse(text, documentOptions: s_bodyOptions);
        ReadEveryString(body);
        return body;
    }

    private static readonly JsonDocumentOptions s_bodyOptions = new() { AllowDuplicateProperties = false };

    private static void ReadEveryString(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    ReadEveryString(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ReadEveryString(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }

    /// <summary>Writes a result: status (the operation's success status when unset), headers, JSON body.</summary>
    internal static async Task WriteAsync(HttpContext http, Operation? operation, EmulatorResult result)
    {
        var status = result.Status ?? operation?.SuccessStatus ?? 200;
        http.Response.StatusCode = status;
        foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[name] = value;
        }

        if (status == StatusCodes.Status204NoContent || result.Body is null)
        {
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(http.Response.Body, s_writerOptions);
        result.Body.WriteTo(writer);
        await writer.FlushAsync(http.RequestAborted);
    }
}
