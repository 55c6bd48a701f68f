namespace Refold.Chat;

/// <summary>What the command line and the environment say: the model, the Refold MCP server, and how the app behaves.</summary>
internal sealed record ChatSettings
{
    public const string OpenAiEndpoint = "https://api.openai.com/v1";
    public const string DefaultServerCommand = "refold-mcp";

    /// <summary>The OpenAI-compatible base URL, ending in <c>/v1</c> (<c>--endpoint</c>, <c>OPENAI_BASE_URL</c>).</summary>
    public Uri Endpoint { get; init; } = new(OpenAiEndpoint);

    /// <summary><c>--model</c> or <c>REFOLD_CHAT_MODEL</c>; null when neither is set.</summary>
    public string? Model { get; init; }

    /// <summary><c>--api-key</c> or <c>OPENAI_API_KEY</c>; optional for local servers.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Seconds to wait for the model (for a streamed answer: between two pieces of it).</summary>
    public int ModelTimeoutSeconds { get; init; } = 120;

    /// <summary>Retries of a model request that failed with 429/5xx or a dropped connection.</summary>
    public int ModelRetries { get; init; } = 2;

    public bool Stream { get; init; } = true;

    /// <summary><c>--mcp-url</c>: a deployed refold-mcp over streamable HTTP instead of a child process.</summary>
    public Uri? McpUrl { get; init; }

    /// <summary><c>--bearer</c> (or <c>REFOLD_MCP_BEARER</c>): the session token sent to <see cref="McpUrl"/>.</summary>
    public string? Bearer { get; init; }

    /// <summary>The command that starts refold-mcp (<c>--server-command</c>, <c>REFOLD_MCP_COMMAND</c>); a .dll runs under <c>dotnet</c>.</summary>
    public string ServerCommand { get; init; } = DefaultServerCommand;

    /// <summary>Options passed to refold-mcp: <c>--emulator</c> and everything after <c>--</c>.</summary>
    public IReadOnlyList<string> ServerArguments { get; init; } = [];

    /// <summary><c>--prompt</c>: run this one request and exit.</summary>
    public string? Prompt { get; init; }

    /// <summary><c>--transcript</c>: append every turn as JSON lines to this file.</summary>
    public string? TranscriptPath { get; init; }

    /// <summary><c>--yes</c>: accept the server's confirmation requests without asking.</summary>
    public bool AssumeYes { get; init; }

    /// <summary><c>--verbose</c>: show refold-mcp's stderr and the model client's logs.</summary>
    public bool Verbose { get; init; }

    public bool Help { get; init; }
}
