using System.ClientModel;
using System.Text.Json;

namespace Refold.Chat;

/// <summary>Says in one sentence what went wrong with a model request and what to check.</summary>
internal static class ModelProblem
{
    public static string Describe(Exception error, ChatSettings settings) => error switch
    {
        TimeoutException =>
            $"The model endpoint {settings.Endpoint} did not answer within {settings.ModelTimeoutSeconds} s (--model-timeout). Check that it is up and the model '{settings.Model}' is loaded, or raise --model-timeout.",
        ClientResultException { Status: 401 or 403 } e =>
            $"The model endpoint {settings.Endpoint} refused the request ({e.Status}): set the right key with --api-key or OPENAI_API_KEY.",
        ClientResultException { Status: 404 } e =>
            $"The model endpoint {settings.Endpoint} answered 404: check that --endpoint ends in /v1 and that the model '{settings.Model}' is served there. {Detail(e)}",
        ClientResultException { Status: 429 } e =>
            $"The model endpoint {settings.Endpoint} is rate limiting (429) after {settings.ModelRetries} retries; wait and try again. {Detail(e)}",
        ClientResultException { Status: >= 500 } e =>
            $"The model endpoint {settings.Endpoint} failed with {e.Status}; the server may be overloaded or down. {Detail(e)}",
        ClientResultException e when e.Status == 0 =>
            $"The model endpoint {settings.Endpoint} could not be reached: {e.InnerException?.Message ?? e.Message}",
        ClientResultException e => $"The model endpoint {settings.Endpoint} answered {e.Status}. {Detail(e)}",
        HttpRequestException e => $"The model endpoint {settings.Endpoint} could not be reached: {e.Message}",
        JsonException or FormatException or KeyNotFoundException or InvalidOperationException { InnerException: JsonException } =>
            $"The model endpoint {settings.Endpoint} answered something that is not an OpenAI chat completion ({error.GetType().Name}: {First(error.Message)}). Is --endpoint an OpenAI-compatible /v1 URL?",
        _ => $"The request failed: {error.GetType().Name}: {First(error.Message)}",
    };

    private static string Detail(ClientResultException e) =>
        e.GetRawResponse()?.Content?.ToString() is { Length: > 0 } body ? $"It said: {First(body)}" : "";

    private static string First(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 240 ? line : string.Concat(line.AsSpan(0, 239), "…");
    }
}
