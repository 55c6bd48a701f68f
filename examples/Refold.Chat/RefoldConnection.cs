using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Refold.Chat;

/// <summary>The MCP client to refold-mcp: a child process over stdio (default) or a deployed server over streamable HTTP.</summary>
internal static class RefoldConnection
{
    /// <summary>Connects and returns the client with its tools, each asking for progress so long runs report it.</summary>
    public static async Task<(McpClient Client, IList<AITool> Tools)> ConnectAsync(
        ChatSettings settings, ChatView view, Transcript transcript, Action<string> serverStderr, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var options = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "refold-chat", Version = "0.1.0" },

            // A child refold-mcp cold-starts (JIT, its embedded emulator) before it answers initialize: on a busy machine
            // that can pass the SDK's default of 60 s, and the app would give up on a server that was only slow.
            InitializationTimeout = TimeSpan.FromMinutes(2),
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = new Confirmations(view, transcript, settings.AssumeYes).HandleAsync,
                NotificationHandlers =
                [
                    // Session-wide, so no notification is lost when it races the call's own result.
                    new(NotificationMethods.ProgressNotification, (notification, _) =>
                    {
                        if (notification.Params?.Deserialize<ProgressNotificationParams>(McpJsonUtilities.DefaultOptions) is { } p)
                        {
                            view.Progress(p.ProgressToken.ToString() ?? "", p.Progress);
                            transcript.Write("progress", new JsonObject { ["token"] = p.ProgressToken.ToString(), ["progress"] = p.Progress.Progress, ["total"] = p.Progress.Total, ["message"] = p.Progress.Message });
                        }

                        return ValueTask.CompletedTask;
                    }),
                ],
            },
        };

        var client = await McpClient.CreateAsync(Transport(settings, serverStderr), options, logging, cancellationToken).ConfigureAwait(false);
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        // WithProgress makes each call carry a progress token; the notifications are shown by the handler above.
        return (client, [.. tools.Select(t => t.WithProgress(new Progress<ProgressNotificationValue>()))]);
    }

    private static IClientTransport Transport(ChatSettings settings, Action<string> serverStderr)
    {
        if (settings.McpUrl is { } url)
        {
            var headers = new Dictionary<string, string>();
            if (settings.Bearer is { } bearer)
            {
                headers["Authorization"] = $"Bearer {bearer}";
            }

            return new HttpClientTransport(new HttpClientTransportOptions
            {
                Name = "refold-mcp",
                Endpoint = url,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
            });
        }

        var isDll = settings.ServerCommand.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        return new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "refold-mcp",
            Command = isDll ? "dotnet" : settings.ServerCommand,
            Arguments = isDll ? [settings.ServerCommand, .. settings.ServerArguments] : [.. settings.ServerArguments],
            StandardErrorLines = serverStderr,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        });
    }
}
