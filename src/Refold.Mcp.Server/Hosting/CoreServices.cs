using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Hosting;

/// <summary>What every mode registers: the options, the tool sets of the chosen surface and one Refold client stack.</summary>
public static class CoreServices
{
    public const string ServerName = "refold-mcp";

    public static string Version { get; } =
        typeof(CoreServices).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public const string Instructions =
        "Tools for the Refold integration platform: linked accounts (your customers), applications, workflows and their executions, " +
        "webhooks, configs, schedules, tables and more. When a job has no tool of its own, find the operation with search_operations, " +
        "read its arguments with describe_operation, and run it with call_read_operation, call_write_operation or call_destructive_operation " +
        "(the one search_operations names in call_with). Operations that delete or replace something ask the user to confirm first; " +
        "a write given dry_run: true returns the request it would send and sends nothing. " +
        "Errors come back as results with isError and a structured body (status_code, error_code, message, retryable, hint).";

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
        return services.AddRefoldClient(o => o.BaseUrl = upstream.BaseUrl);
    }

    public static void Configure(McpServerOptions options)
    {
        options.ServerInfo = new Implementation { Name = ServerName, Title = "Refold MCP server", Version = Version };
        options.ServerInstructions = Instructions;
    }
}
