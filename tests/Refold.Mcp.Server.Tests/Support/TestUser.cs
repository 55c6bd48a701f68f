using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// The user behind an MCP client, as its elicitation handler: answers every confirmation question with
/// <paramref name="action"/> (and, on accept, <paramref name="confirm"/>), and remembers what it was asked.
/// </summary>
public sealed class TestUser(string action = "accept", bool confirm = true)
{
    public ConcurrentQueue<string> Asked { get; } = new();

    public McpClientHandlers Handlers => new()
    {
        ElicitationHandler = (request, _) =>
        {
            Asked.Enqueue(request?.Message ?? "");
            return ValueTask.FromResult(new ElicitResult
            {
                Action = action,
                Content = action == "accept" ? new Dictionary<string, JsonElement> { [Confirmation.Field] = JsonSerializer.SerializeToElement(confirm) } : null,
            });
        },
    };
}
