namespace Refold.Chat.Tests.Support;

/// <summary>What the scripted model answers to one request.</summary>
internal abstract record ModelReply
{
    /// <summary>A plain answer (streamed in several pieces when the request streams).</summary>
    public sealed record Text(string Content) : ModelReply;

    /// <summary>A request to call one tool with these JSON arguments.</summary>
    public sealed record ToolCall(string Name, string ArgumentsJson) : ModelReply;

    /// <summary>An HTTP error status with an OpenAI-style error body.</summary>
    public sealed record Status(int Code) : ModelReply;

    /// <summary>200 with a body that is not JSON.</summary>
    public sealed record BadJson : ModelReply;

    /// <summary>Never answers (until the client gives up).</summary>
    public sealed record Hang : ModelReply;
}
