using System.Text.Json;

namespace Refold.Chat.Tests.Support;

/// <summary>One /v1/chat/completions request as the model endpoint received it.</summary>
internal sealed class ModelRequest(JsonElement body)
{
    public JsonElement Body { get; } = body;

    public bool Stream => Body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;

    public IEnumerable<JsonElement> Messages => Body.GetProperty("messages").EnumerateArray();

    /// <summary>The tools offered with this request (their names).</summary>
    public IReadOnlyList<string> ToolNames => Body.TryGetProperty("tools", out var tools)
        ? [.. tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)]
        : [];

    public string LastUserText => Messages.Last(m => m.GetProperty("role").GetString() == "user").GetProperty("content") switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        var parts => string.Concat(parts.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : "")),
    };

    /// <summary>The raw content of the latest result of <paramref name="tool"/> in this request, if the model called it.</summary>
    public string? RawToolResult(string tool)
    {
        var names = Messages
            .Where(m => m.TryGetProperty("tool_calls", out _))
            .SelectMany(m => m.GetProperty("tool_calls").EnumerateArray())
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("function").GetProperty("name").GetString()!);
        return Messages
            .Where(m => m.GetProperty("role").GetString() == "tool" && names.GetValueOrDefault(m.GetProperty("tool_call_id").GetString()!) == tool)
            .Select(m => m.GetProperty("content").GetString())
            .LastOrDefault();
    }

    /// <summary>The latest result of <paramref name="tool"/> as the MCP tool's structured content (what a model would read).</summary>
    public JsonElement? ToolResult(string tool)
    {
        if (RawToolResult(tool) is not { } raw)
        {
            return null;
        }

        var result = JsonDocument.Parse(raw).RootElement;
        if (result.TryGetProperty("structuredContent", out var structured))
        {
            return structured;
        }

        return result.TryGetProperty("text", out var text) ? JsonDocument.Parse(text.GetString()!).RootElement : result;
    }
}
