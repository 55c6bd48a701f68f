using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Primitives;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// The server over streamable HTTP at <c>/mcp</c>. 2025-11-25 clients that initialize get a stateful session;
/// 2026-07-28 clients are served per request. Each request authenticates with its own credential headers.
/// </summary>
public static class HttpServer
{
    public const string Endpoint = "/mcp";

    public static WebApplication Build(ServerOptions options, Upstream upstream, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        ServerLogging.Configure(builder.Logging, options.LogLevel, logging);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });

        // Over HTTP every tenant brings its own session token: org-wide writes stay with the org key unless the operator opts in.
        builder.Services.AddRefoldMcpCore(options, upstream, new ToolSets(options.Surface with { FenceOrgWritesFromTokens = !options.AllowOrgWritesFromTokens }));
        builder.Services.AddSingleton<SessionDirectory>();
        builder.Services.AddMcpServer(CoreServices.Configure(options.Surface)).WithRefoldResources().WithRefoldPrompts().WithHttpTransport(http =>
        {
            http.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
            http.ConfigureSessionOptions = async (context, session, cancellationToken) =>
            {
                // A fresh collection per session (or per stateless request) holding the precomputed tools of its credential,
                // and its account tools when it gets them.
                session.ToolCollection = context.User.Identity is RefoldIdentity identity
                    ? await AccountToolCollection.CreateAsync(identity.Session, context.RequestServices.GetService<AccountToolSources>(), cancellationToken).ConfigureAwait(false)
                    : [];
            };
        }).WithAccountToolRefresh();

        var app = builder.Build();
        app.UseMiddleware<RequestGuard>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Endpoint), branch => branch.UseMiddleware<RefoldAuthMiddleware>());
        app.MapMcp(Endpoint);
        return app;
    }
}
