using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Primitives;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Hosting;

/// <summary>The server over stdio (or any pair of streams): one session, one credential from the environment.</summary>
public static class StdioServer
{
    /// <param name="streams">Null for the process's stdin/stdout; tests pass in-memory streams.</param>
    public static IHost Build(ServerOptions options, Upstream upstream, RefoldCredential? credential,
        (Stream Input, Stream Output)? streams = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ServerLogging.Configure(builder.Logging, options.LogLevel, logging);
        var toolSets = new ToolSets(options.Surface);
        builder.Services.AddRefoldMcpCore(options, upstream, toolSets);

        var tools = toolSets.For(credential);
        builder.Services.AddSingleton(sp => RefoldSession.Create(
            sp.GetRequiredService<RefoldClientFactory>(), toolSets, sp.GetRequiredService<ILoggerFactory>(), credential));

        var withAccountTools = options.AccountTools.Any && tools.Shape.SuppliesAccount();
        if (withAccountTools)
        {
            // Registered before the MCP transport so its first read is done before the client's first tools/list.
            builder.Services.AddSingleton(sp => new AccountToolCollection(sp.GetRequiredService<RefoldSession>(),
                sp.GetRequiredService<AccountToolSources>().For(sp.GetRequiredService<RefoldSession>())!));
            builder.Services.AddHostedService<AccountToolStartup>();
        }

        var mcp = builder.Services.AddMcpServer(CoreServices.Configure(options.Surface));
        _ = streams is { } s ? mcp.WithStreamServerTransport(s.Input, s.Output) : mcp.WithStdioServerTransport();
        mcp.WithRefoldResources().WithRefoldPrompts();
        if (withAccountTools)
        {
            builder.Services.AddOptions<ModelContextProtocol.Server.McpServerOptions>()
                .Configure<AccountToolCollection>((o, collection) => o.ToolCollection = collection);
            mcp.WithAccountToolRefresh();
        }
        else
        {
            mcp.WithTools(tools.Tools);
        }
        return builder.Build();
    }
}
