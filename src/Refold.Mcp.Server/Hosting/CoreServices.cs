using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Observability;
using Refold.Mcp.Server.Scale;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Hosting;

/// <summary>What every mode registers: the options, the tool sets of the chosen surface and one Refold client stack.</summary>
public static class CoreServices
{
    public const string ServerName = "refold-mcp";

    /// <summary>The package version (VersionPrefix in Directory.Build.props, plus any VersionSuffix), as NuGet shows it.</summary>
    public static string Version { get; } =
        typeof(CoreServices).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// Registers the core once per process: <see cref="RefoldServiceCollectionExtensions.AddRefoldClient"/> gives one
    /// limiter per upstream org, shared by every session's client. Returns the HTTP client builder (tests may swap its handler).
    /// </summary>
    public static IHttpClientBuilder AddRefoldMcpCore(this IServiceCollection services, ServerOptions options, Upstream upstream, ToolSets? toolSets = null)
    {
        services.AddSingleton(options);
        services.AddSingleton(upstream);
        services.AddSingleton(toolSets ?? new ToolSets(options.Surface));
        services.AddSingleton(new AccountToolSources(options.AccountTools));
        AuditLog.Register(services, options);
        services.AddRefoldScale(options.Scale);
        return services.AddRefoldClient(o =>
        {
            RefoldSettings.Bind(o, options);
            o.BaseUrl = upstream.BaseUrl;
        });
    }

    /// <summary>Server info, and instructions that match <paramref name="surface"/> (<see cref="ServerInstructions"/>).</summary>
    public static Action<McpServerOptions> Configure(Surface surface) => options =>
    {
        options.ServerInfo = new Implementation { Name = ServerName, Title = "Refold MCP server", Version = Version };
        options.ServerInstructions = ServerInstructions.For(surface);
    };
}
