using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Observability;
using Refold.Mcp.Server.Primitives;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Hosting;

/// <summary>The server over stdio (or any pair of streams): one session, one credential from the environment.</summary>
public static class StdioServer
{
    /// <param name="streams">Null for the process's stdin/stdout; tests pass in-memory streams.</param>
    /// <param name="toolSets">The surface's tool sets when the caller already made them (see <see cref="StartupWarmUp"/>).</param>
    /// <param name="missingCredential">
    /// When no credential is configured, what to set (<see cref="EnvironmentCredentials.MissingAdvice"/>): the tools an
    /// org API key gets are still listed, and calling one the server cannot run answers with this advice.
    /// </param>
    public static IHost Build(ServerOptions options, Upstream upstream, RefoldCredential? credential,
        (Stream Input, Stream Output)? streams = null, Action<ILoggingBuilder>? logging = null, string? missingCredential = null,
        ToolSets? toolSets = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ServerLogging.Configure(builder.Logging, options.LogLevel, logging);
        toolSets ??= new ToolSets(options.Surface);
        builder.Services.AddRefoldMcpCore(options, upstream, toolSets);
        builder.AddRefoldTelemetryExport(TelemetryExport.ProcessEnvironment());

        builder.Services.AddSingleton(sp => RefoldSession.Create(
            sp.GetRequiredService<RefoldClientFactory>(), toolSets, sp.GetRequiredService<ILoggerFactory>(), credential));

        var withAccountTools = options.AccountTools.Any && CredentialShapes.Of(credential).SuppliesAccount();
        if (withAccountTools)
        {
            // Registered before the MCP transport so its first read is done before the client's first tools/list.
            builder.Services.AddSingleton(sp => new AccountToolCollection(sp.GetRequiredService<RefoldSession>(),
                sp.GetRequiredService<AccountToolSources>().For(sp.GetRequiredService<RefoldSession>())!));
            builder.Services.AddHostedService<AccountToolStartup>();
        }

        var mcp = builder.Services.AddMcpServer(CoreServices.Configure(options.Surface));
        var (input, output) = streams ?? (Console.OpenStandardInput(), Console.OpenStandardOutput());
        mcp.WithStreamServerTransport(StdioInput.Messages(input, Console.Error), output);
        mcp.WithRefoldResources().WithRefoldPrompts().WithToolListCaching(
            withAccountTools ? options.AccountTools.Lifetime : ToolListCaching.StaticLifetime, perCaller: withAccountTools);
        if (withAccountTools)
        {
            builder.Services.AddOptions<ModelContextProtocol.Server.McpServerOptions>()
                .Configure<AccountToolCollection>((o, collection) => o.ToolCollection = collection);
            mcp.WithAccountToolRefresh();
        }
        else
        {
            // Read when the server starts, not now: the tool set may still be building on another thread (StartupWarmUp).
            builder.Services.AddOptions<ModelContextProtocol.Server.McpServerOptions>()
                .Configure(o => o.ToolCollection = toolSets.For(credential).NewCollection());
        }

        if (credential is null && missingCredential is not null)
        {
            NeedsCredential(mcp, toolSets.For(credential), toolSets, missingCredential);
        }

        return builder.Build();
    }

    // The tools a credential would add are listed too; calling one says what to set instead of "unknown tool".
    private static void NeedsCredential(IMcpServerBuilder mcp, ToolSet reachable, ToolSets toolSets, string advice)
    {
        var withKey = toolSets.For(CredentialShape.OrgKey);
        mcp.WithListToolsHandler((_, _) => ValueTask.FromResult(new ListToolsResult
        {
            Tools = [.. withKey.Tools.Where(t => !reachable.ByName.ContainsKey(t.ProtocolTool.Name)).Select(t => t.ProtocolTool)],
        }));
        mcp.WithCallToolHandler((request, _) =>
        {
            var name = request.Params?.Name ?? "";
            return ValueTask.FromResult(Enum.GetValues<CredentialShape>().Any(shape => CliCommands.Reaches(toolSets.For(shape), name))
                ? ToolResults.Error(RefoldErrorKind.NotPermitted, "NO_CREDENTIAL", $"{name} needs a Refold credential and this server has none", name, hint: advice)
                : ToolResults.Error(RefoldErrorKind.InvalidArgument, "UNKNOWN_TOOL", $"There is no tool named '{name}'", name, hint: "tools/list shows the tools."));
        });
    }
}
