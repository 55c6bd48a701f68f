using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Refold.Api.Client;
using Refold.Api.Resilience;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// Start-up work taken off the path to the first answers: one thread of its own does it while the main thread builds
/// and starts the host, so on a second core it costs the client no wait. Not the thread pool: a pool of two threads
/// (one per core) busy warming would hold back the MCP server's own first reads and answers. Everything warmed here
/// is a process-wide, thread-safe cache that the real use fills itself when the warm-up has not got there yet, so
/// nothing waits for it, and a failure here changes nothing (the real use meets and reports the same failure). It
/// never sends a request or takes a permit.
/// </summary>
public sealed class StartupWarmUp : IDisposable
{
    // The messages and the handlers' contracts the MCP server resolves while it is created and serves its first calls.
    private static readonly Type[] s_protocolTypes =
    [
        typeof(JsonRpcMessage), typeof(JsonRpcRequest), typeof(JsonRpcResponse), typeof(JsonRpcNotification), typeof(JsonRpcError),
        typeof(Implementation), typeof(InitializeRequestParams), typeof(InitializeResult), typeof(EmptyResult), typeof(SetLevelRequestParams),
        typeof(ListToolsRequestParams), typeof(ListToolsResult), typeof(CallToolRequestParams), typeof(CallToolResult),
        typeof(ListResourcesRequestParams), typeof(ListResourcesResult), typeof(ListResourceTemplatesRequestParams),
        typeof(ListResourceTemplatesResult), typeof(ReadResourceRequestParams), typeof(ReadResourceResult),
        typeof(SubscribeRequestParams), typeof(UnsubscribeRequestParams), typeof(ListPromptsRequestParams), typeof(ListPromptsResult),
        typeof(GetPromptRequestParams), typeof(GetPromptResult), typeof(CompleteRequestParams), typeof(CompleteResult),
        typeof(ProgressNotificationParams),
    ];

    private readonly TaskCompletionSource<IServiceProvider> _host = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StartupWarmUp(ToolSets? toolSets, RefoldCredential? credential)
    {
        new Thread(() => Run(toolSets, credential)) { IsBackground = true, Name = "refold-mcp warm-up" }.Start();
    }

    /// <summary>
    /// Starts warming before the host is built: the tool set the credential will list (when the caller builds its
    /// server from <paramref name="toolSets"/>), the protocol's JSON contracts, and the credential's fingerprint (its
    /// hash loads OpenSSL). What needs the host waits for <see cref="HostBuilt"/>.
    /// </summary>
    public static StartupWarmUp Begin(ToolSets? toolSets = null, RefoldCredential? credential = null) => new(toolSets, credential);

    /// <summary>
    /// The host is built: warm the stdio session (over HTTP a client without a credential), whose creation builds the
    /// Refold client's HTTP handler chain and resilience pipeline provider, and a throwaway pipeline
    /// (<see cref="PipelineWarmUp"/>): what the first tool call would otherwise build while the agent waits.
    /// </summary>
    public void HostBuilt(IServiceProvider services) => _host.TrySetResult(services);

    /// <summary>Ends the thread if it still waits for a host that will not come (its build threw); a no-op once <see cref="HostBuilt"/> ran.</summary>
    public void Dispose() => _host.TrySetCanceled();

    private void Run(ToolSets? toolSets, RefoldCredential? credential)
    {
        Quietly(() =>
        {
            _ = toolSets?.For(credential);
            WarmProtocolContracts();
            _ = credential?.LimiterKey;
        });

        Quietly(() =>
        {
            // Cancelled (disposed) when the host was never built: nothing left to warm.
            var services = _host.Task.GetAwaiter().GetResult();
            if (services.GetService<RefoldSession>() is null)
            {
                _ = services.GetRequiredService<RefoldClientFactory>().Create(null);
            }

            PipelineWarmUp.RunAsync(services).GetAwaiter().GetResult();
        });
    }

    // The SDK's handlers and its transport take their contracts from its source-generated context (first in the
    // default options' chain), whose own options cache them.
    private static void WarmProtocolContracts()
    {
        if (McpJsonUtilities.DefaultOptions.TypeInfoResolverChain.OfType<JsonSerializerContext>().FirstOrDefault()?.Options is not { } options)
        {
            return;
        }

        foreach (var type in s_protocolTypes)
        {
            _ = options.GetTypeInfo(type);
        }
    }

    private static void Quietly(Action work)
    {
        try
        {
            work();
        }
        catch (Exception)
        {
            // Only a head start: the first real use does the same work and reports what fails.
        }
    }
}
