using System.Text.Json.Nodes;

namespace Refold.Chat;

/// <summary>What one turn cost: model requests and their time and tokens, tool calls and their time.</summary>
internal sealed class TurnStats
{
    private readonly Lock _lock = new();

    public int ModelRequests { get; private set; }

    public TimeSpan ModelTime { get; private set; }

    public int ToolCalls { get; private set; }

    public TimeSpan ToolTime { get; private set; }

    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    /// <summary>Estimated tokens (UTF-8 bytes / 4) of the tool definitions sent with each model request, summed.</summary>
    public long ToolDefinitionTokens { get; private set; }

    public List<string> ToolNames { get; } = [];

    public void AddModelRequest(TimeSpan elapsed, long toolDefinitionTokens)
    {
        lock (_lock)
        {
            ModelRequests++;
            ModelTime += elapsed;
            ToolDefinitionTokens += toolDefinitionTokens;
        }
    }

    public void AddUsage(long? input, long? output)
    {
        lock (_lock)
        {
            InputTokens += input ?? 0;
            OutputTokens += output ?? 0;
        }
    }

    public void AddToolCall(string name, TimeSpan elapsed)
    {
        lock (_lock)
        {
            ToolCalls++;
            ToolTime += elapsed;
            ToolNames.Add(name);
        }
    }

    public JsonObject ToJson() => new()
    {
        ["model_requests"] = ModelRequests,
        ["model_ms"] = (long)ModelTime.TotalMilliseconds,
        ["tool_calls"] = ToolCalls,
        ["tools_ms"] = (long)ToolTime.TotalMilliseconds,
        ["tools_called"] = new JsonArray([.. ToolNames.Select(n => JsonValue.Create(n))]),
        ["tool_definition_tokens"] = ToolDefinitionTokens,
        ["usage"] = new JsonObject { ["input_tokens"] = InputTokens, ["output_tokens"] = OutputTokens },
    };
}
