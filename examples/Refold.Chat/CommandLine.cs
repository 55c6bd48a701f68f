namespace Refold.Chat;

/// <summary>A command line or environment that cannot be used; the message says what to change.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Parses <c>refold-chat [options] [-- refold-mcp options]</c>; the environment fills what the options leave out.</summary>
internal static class CommandLine
{
    public const string Help = """
        refold-chat: chat with an AI model that operates Refold through refold-mcp.

        usage: refold-chat --model NAME [options] [-- refold-mcp options]

        model (any OpenAI-compatible chat endpoint: OpenAI, Azure OpenAI, Ollama, LM Studio, vLLM):
          --endpoint URL         base URL ending in /v1 (OPENAI_BASE_URL; default https://api.openai.com/v1)
          --model NAME           model name (REFOLD_CHAT_MODEL); required
          --api-key KEY          API key (OPENAI_API_KEY); optional for local servers
          --model-timeout S      seconds to wait for the model, or between pieces of a streamed answer (default 120)
          --model-retries N      retries of a request that failed with 429/5xx or a dropped connection (default 2)
          --no-stream            wait for whole answers instead of streaming them

        Refold tools (the MCP server):
          --emulator             run refold-mcp on its embedded emulator (offline demo org)
          --server-command CMD   how to start refold-mcp (REFOLD_MCP_COMMAND; default refold-mcp; a .dll runs under dotnet)
          --mcp-url URL          use a deployed refold-mcp over streamable HTTP instead
          --bearer TOKEN         Refold session token for --mcp-url (REFOLD_MCP_BEARER)
          -- ARGS                everything after -- is passed to refold-mcp (e.g. -- --tools all --read-only)

        the app:
          --prompt TEXT          run one request, print its lines and exit (0 when the turn ended normally)
          --transcript FILE      append each turn as JSON lines (messages, tool calls, results, progress, usage)
          --yes                  accept the server's confirmation requests without asking (for scripts)
          --verbose              show refold-mcp's stderr and the model client's logs
          --help                 this text

        In the chat: Ctrl+C cancels the current turn; /exit or Ctrl+D quits.
        """;

    public static ChatSettings Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var settings = new ChatSettings
        {
            Endpoint = Url(environment("OPENAI_BASE_URL") is { Length: > 0 } e ? e : ChatSettings.OpenAiEndpoint, "OPENAI_BASE_URL"),
            Model = NullIfEmpty(environment("REFOLD_CHAT_MODEL")),
            ApiKey = NullIfEmpty(environment("OPENAI_API_KEY")),
            Bearer = NullIfEmpty(environment("REFOLD_MCP_BEARER")),
            ServerCommand = NullIfEmpty(environment("REFOLD_MCP_COMMAND")) ?? ChatSettings.DefaultServerCommand,
        };
        var serverArgs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                serverArgs.AddRange(args.Skip(i + 1));
                break;
            }

            if (!seen.Add(arg))
            {
                throw new UsageException($"{arg} is given twice; give it once.");
            }

            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new UsageException($"{arg} needs a value (see --help).");

            settings = arg switch
            {
                "--endpoint" => settings with { Endpoint = Url(Value(), arg) },
                "--model" => settings with { Model = Value() },
                "--api-key" => settings with { ApiKey = Value() },
                "--model-timeout" => settings with { ModelTimeoutSeconds = Number(Value(), arg, 1) },
                "--model-retries" => settings with { ModelRetries = Number(Value(), arg, 0) },
                "--no-stream" => settings with { Stream = false },
                "--emulator" => Add(settings, serverArgs, "--emulator"),
                "--server-command" => settings with { ServerCommand = Value() },
                "--mcp-url" => settings with { McpUrl = Url(Value(), arg) },
                "--bearer" => settings with { Bearer = Value() },
                "--prompt" => settings with { Prompt = Value() },
                "--transcript" => settings with { TranscriptPath = Value() },
                "--yes" => settings with { AssumeYes = true },
                "--verbose" => settings with { Verbose = true },
                "--help" or "-h" => settings with { Help = true },
                _ => throw new UsageException($"Unknown option {arg}. Options for refold-mcp go after --; see --help."),
            };
        }

        settings = settings with { ServerArguments = serverArgs };
        if (settings.McpUrl is not null && serverArgs.Count > 0)
        {
            throw new UsageException("--mcp-url talks to a server that is already running; refold-mcp options (--emulator, after --) do not apply to it.");
        }

        return settings;
    }

    /// <summary>Null when a model can be used; otherwise what to set.</summary>
    public static string? MissingModel(ChatSettings settings)
    {
        if (settings.Model is null)
        {
            return """
                No model configured. Set --model NAME (or REFOLD_CHAT_MODEL) and, unless it is OpenAI's, --endpoint URL (or OPENAI_BASE_URL).
                  Ollama:    --endpoint http://127.0.0.1:11434/v1 --model qwen2.5:7b
                  LM Studio: --endpoint http://127.0.0.1:1234/v1 --model <loaded model>
                  OpenAI:    --model gpt-4.1-mini with OPENAI_API_KEY set
                """;
        }

        var isOpenAi = settings.Endpoint.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase);
        return isOpenAi && settings.ApiKey is null
            ? $"The endpoint {settings.Endpoint} needs an API key: set OPENAI_API_KEY (or --api-key), or point --endpoint at a local server."
            : null;
    }

    private static ChatSettings Add(ChatSettings settings, List<string> serverArgs, string arg)
    {
        serverArgs.Add(arg);
        return settings;
    }

    private static Uri Url(string value, string name) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"{name} must be an absolute http(s) URL, got '{value}'.");

    private static int Number(string value, string name, int min) =>
        int.TryParse(value, out var n) && n >= min ? n : throw new UsageException($"{name} must be a whole number of at least {min}, got '{value}'.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
