using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace Refold.Chat;

/// <summary>The app: reads the settings, connects the model and refold-mcp, then runs one request (--prompt) or the chat loop.</summary>
internal static class ChatApp
{
    public const int Ok = 0;
    public const int TurnFailed = 1;
    public const int BadUsage = 2;
    public const int NoServer = 3;
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, ChatTerminal terminal, Func<string, string?> environment)
    {
        ChatSettings settings;
        try
        {
            settings = CommandLine.Parse(args, environment);
        }
        catch (UsageException e)
        {
            await terminal.Errors.WriteLineAsync($"refold-chat: {e.Message}");
            return BadUsage;
        }

        if (settings.Help)
        {
            await terminal.Output.WriteLineAsync(CommandLine.Help);
            return Ok;
        }

        if (CommandLine.MissingModel(settings) is { } missing)
        {
            await terminal.Errors.WriteLineAsync($"refold-chat: {missing}");
            return BadUsage;
        }

        Transcript transcript;
        try
        {
            transcript = Transcript.Open(settings.TranscriptPath);
        }
        catch (UsageException e)
        {
            await terminal.Errors.WriteLineAsync($"refold-chat: {e.Message}");
            return BadUsage;
        }

        using (transcript)
        using (var logging = LoggerFactory.Create(b =>
        {
            if (settings.Verbose)
            {
                b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Debug);
            }
        }))
        {
            return await RunAsync(settings, terminal, transcript, logging);
        }
    }

    private static async Task<int> RunAsync(ChatSettings settings, ChatTerminal terminal, Transcript transcript, ILoggerFactory logging)
    {
        var view = new ChatView(terminal);
        var serverLines = new ConcurrentQueue<string>();
        void ServerLine(string line)
        {
            serverLines.Enqueue(line);
            while (serverLines.Count > 20 && serverLines.TryDequeue(out _))
            {
            }

            // refold-mcp's own messages are for the person; its logs only when asked for.
            if (settings.Verbose || line.StartsWith("refold-mcp:", StringComparison.Ordinal))
            {
                view.ServerMessage(line);
            }
        }

        ChatSession? session = null;
        McpClient client;
        IList<AITool> tools;
        try
        {
            (client, tools) = await RefoldConnection.ConnectAsync(settings, view, transcript, ServerLine, logging, CancellationToken.None);
        }
        catch (Exception e)
        {
            var where = settings.McpUrl?.ToString() ?? string.Join(' ', [settings.ServerCommand, .. settings.ServerArguments]);
            view.Problem($"Could not connect to refold-mcp ({where}): {e.Message}");
            view.Problem(settings.McpUrl is null
                ? "Install it (dotnet tool install -g refold-mcp), point --server-command at it, give it a credential (REFOLD_API_KEY) or --emulator, or use --mcp-url."
                : "Check the URL (it ends in /mcp) and the --bearer session token.");
            return NoServer;
        }

        await using (client)
        {
            var tokens = ModelGuard.ToolDefinitionTokens(new ChatOptions { Tools = tools });
            var model = ModelClient.Create(settings, logging, new ToolInvoker(view, transcript, () => session?.Current), () => session?.Current, transcript);
            session = new ChatSession(model, tools, settings, view, transcript);

            if (settings.Prompt is { } prompt)
            {
                return await TurnAsync(session, terminal, prompt) switch
                {
                    TurnOutcome.Completed => Ok,
                    TurnOutcome.Cancelled => Cancelled,
                    _ => TurnFailed,
                };
            }

            view.Banner($"refold-chat: model {settings.Model} at {settings.Endpoint}; {tools.Count} Refold tools (~{tokens} tokens of definitions per request).");
            view.Banner("Ask for a Refold job. Ctrl+C cancels the current turn; /exit or Ctrl+D quits.");
            while (view.ReadRequest() is { } line)
            {
                if (line.Trim() is "/exit" or "/quit")
                {
                    break;
                }

                if (!string.IsNullOrWhiteSpace(line))
                {
                    await TurnAsync(session, terminal, line.Trim());
                }
            }

            return Ok;
        }
    }

    private static async Task<TurnOutcome> TurnAsync(ChatSession session, ChatTerminal terminal, string request)
    {
        using var cancel = new CancellationTokenSource();
        using (terminal.OnInterrupt(cancel.Cancel))
        {
            return await session.RunTurnAsync(request, cancel.Token);
        }
    }
}
