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
/// Start-up work taken off the path to the first answers: it runs on the thread pool while the main thread builds
/// and starts the host, so on a second core it costs the client no wait. Everything warmed here is a process-wide,
/// thread-safe cache that the real use fills itself when the warm-up has not got there yet, so nothing waits for
/// it and a failure here changes nothing (the real use meets and reports the same failure).
/// </summary>
public static class StartupWarmUp
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

    /// <summary>
    /// Before the host is built: the tool set the credential will list, the protocol's JSON contracts, and the
    /// credential's fingerprint (its hash loads OpenSSL).
    /// </summary>
    public static void BeforeHost(ToolSets toolSets, RefoldCredential? credential) => Run(() =>
    {
        _ = toolSets.For(credential);
        // The SDK's handlers take their contracts from its source-generated context (first in the default options'
        // chain), whose own options cache them; messages go through the default options.
        var contexts = McpJsonUtilities.DefaultOptions.TypeInfoResolverChain.OfType<JsonSerializerContext>().Take(1).Select(c => c.Options);
        foreach (var options in contexts.Append(McpJsonUtilities.DefaultOptions))
        {
            foreach (var type in s_protocolTypes)
            {
                _ = options.GetTypeInfo(type);
            }
        }

        _ = credential?.LimiterKey;
    });

    /// <summary>
    /// Once the host is built: the stdio session (over HTTP a client without a credential), whose creation builds the
    /// Refold client's HTTP handler chain and resilience pipeline provider, and a throwaway pipeline
    /// (<see cref="PipelineWarmUp"/>): what the first tool call would otherwise build while the agent waits.
    /// </summary>
    public static void AfterBuild(IServiceProvider services) => Run(async () =>
    {
        if (services.GetService<RefoldSession>() is null)
        {
            _ = services.GetRequiredService<RefoldClientFactory>().Create(null);
        }

        await PipelineWarmUp.RunAsync(services).ConfigureAwait(false);
    });

    private static void Run(Action work) => Run(() =>
    {
        work();
        return Task.CompletedTask;
    });

    private static void Run(Func<Task> work) => _ = Task.Run(async () =>
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Only a head start: the first real use does the same work and reports what fails.
        }
    });
}
