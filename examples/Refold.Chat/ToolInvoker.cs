using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Refold.Chat;

/// <summary>
/// Runs the tool calls the model asks for (the MCP tools, as <c>McpClientTool</c>s): one line each for the person,
/// the call and its result in the transcript, its time in the turn's stats.
/// </summary>
internal sealed class ToolInvoker(ChatView view, Transcript transcript, Func<TurnStats?> currentTurn)
{
    public async ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        var name = context.Function.Name;
        var callId = context.CallContent.CallId;
        view.ToolCall(name, context.Arguments);
        transcript.Write("tool_call", new JsonObject
        {
            ["call_id"] = callId,
            ["name"] = name,
            ["arguments"] = JsonSerializer.SerializeToNode(context.Arguments.ToDictionary(a => a.Key, a => a.Value), AIJsonUtilities.DefaultOptions),
        });

        var started = Stopwatch.GetTimestamp();
        object? result = null;
        string? failure = null;
        try
        {
            result = await context.Function.InvokeAsync(context.Arguments, cancellationToken).ConfigureAwait(false);
            failure = ErrorText(result);
            result = ForModel(result);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e.Message;
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            currentTurn()?.AddToolCall(name, elapsed);
            if (failure is not null)
            {
                view.ToolFailed(name, failure);
            }

            transcript.Write("tool_result", new JsonObject
            {
                ["call_id"] = callId,
                ["name"] = name,
                ["ms"] = (long)elapsed.TotalMilliseconds,
                ["is_error"] = failure is not null,
                ["error"] = failure,
                ["result"] = result is null ? null : JsonSerializer.SerializeToNode(result, AIJsonUtilities.DefaultOptions),
            });
        }
    }

    // When the text block only repeats structuredContent as JSON (refold-mcp's successes), the model gets it once.
    private static object? ForModel(object? result)
    {
        if (result is not JsonElement { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("structuredContent", out var structured)
            || !json.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array || content.GetArrayLength() != 1
            || !(content[0].TryGetProperty("type", out var type) && type.GetString() == "text") || json.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True)
        {
            return result;
        }

        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(content[0].TryGetProperty("text", out var text) ? text.GetString() ?? "" : ""), JsonNode.Parse(structured.GetRawText())) ? structured : result;
        }
        catch (JsonException)
        {
            return result;
        }
    }

    // An MCP tool result the server marked isError: its text, for the person's line.
    private static string? ErrorText(object? result)
    {
        if (result is not JsonElement { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("isError", out var isError) || isError.ValueKind != JsonValueKind.True)
        {
            return null;
        }

        var texts = json.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array
            ? content.EnumerateArray().Where(c => c.TryGetProperty("text", out _)).Select(c => c.GetProperty("text").GetString())
            : [];
        return string.Join(" ", texts) is { Length: > 0 } text ? text : "the tool reported an error";
    }
}
