using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// Every progress notification a client receives under one token, in arrival order. Registered for the whole
/// session because the client dispatches notifications concurrently with the call's answer.
/// </summary>
internal sealed class ProgressLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<(double Progress, double? Total, string Message)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly IAsyncDisposable _registration;

    private ProgressLog(McpClient client, string token)
    {
        Token = new ProgressToken(token);
        _registration = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            var value = notification.Params;
            if (value?["progressToken"]?.ToString() == token)
            {
                _received.Enqueue((value["progress"]!.GetValue<double>(), value["total"]?.GetValue<double>(), value["message"]?.GetValue<string>() ?? ""));
                _arrived.Release();
            }

            return ValueTask.CompletedTask;
        });
    }

    public ProgressToken Token { get; }

    public IReadOnlyList<(double Progress, double? Total, string Message)> Received => [.. _received];

    public static ProgressLog Listen(McpClient client, string token) => new(client, token);

    /// <summary>Waits (up to 10 s) until a notification whose message contains <paramref name="text"/> has arrived.</summary>
    public async Task<IReadOnlyList<(double Progress, double? Total, string Message)>> UntilAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!_received.Any(r => r.Message.Contains(text, StringComparison.Ordinal)))
        {
            await _arrived.WaitAsync(timeout.Token);
        }

        return Received;
    }

    /// <summary>Calls <paramref name="tool"/> asking for progress under this log's token.</summary>
    public static async Task<CallToolResult> CallAsync(McpClient client, ProgressLog log, string tool, string argumentsJson, CancellationToken cancellationToken = default)
    {
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson)!;
        return await client.CallToolAsync(tool, arguments, progress: null, new ModelContextProtocol.RequestOptions { ProgressToken = log.Token }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync();
        _arrived.Dispose();
    }
}
