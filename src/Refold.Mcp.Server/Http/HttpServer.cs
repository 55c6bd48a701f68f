using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using Refold.Api.Diagnostics;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Observability;
using Refold.Mcp.Server.Primitives;
using Refold.Mcp.Server.Scale;
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

    /// <param name="time">The clock of credential trust and rechecks (tests pass a fake one); the system clock by default.</param>
    public static WebApplication Build(ServerOptions options, Upstream upstream, Action<ILoggingBuilder>? logging = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        ServerLogging.Configure(builder.Logging, options.LogLevel, logging);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        // Over HTTP every tenant brings its own session token: org-wide writes stay with the org key unless the operator opts in.
        builder.Services.AddRefoldMcpCore(options, upstream, new ToolSets(options.Surface with { FenceOrgWritesFromTokens = !options.AllowOrgWritesFromTokens }));
        builder.AddRefoldTelemetryExport(TelemetryExport.ProcessEnvironment());
        builder.Services.AddSingleton(options.Sessions);
        builder.Services.AddSingleton<AddressGate>();
        builder.Services.AddTrustedProxies(options.TrustedProxies);
        builder.Services.AddSingleton<CredentialSessions>();
        builder.Services.AddSingleton<SessionDirectory>();
        builder.Services.AddRefoldHealthChecks();
        var oauth = OAuthOptions.Resolve(options.OAuthSettings);
        if (oauth is not null)
        {
            OAuthResourceServer.Add(builder.Services, oauth, upstream.DemoCredential ?? EnvironmentCredentials.Read(Environment.GetEnvironmentVariable));
        }

        builder.Services.AddMcpServer(CoreServices.Configure(options.Surface)).WithRefoldResources().WithRefoldPrompts().WithHttpTransport(http =>
        {
            http.SessionMode = options.Scale.EffectiveMode == SessionMode.Stateless ? HttpServerSessionMode.Stateless : HttpServerSessionMode.StatefulForInitializeClients;
#pragma warning disable MCP9006 // Stateful-session knobs are obsolete for 2026-07-28 clients, but 2025-11-25 clients still get stateful sessions here.
            http.IdleTimeout = options.Sessions.IdleTimeout;
            // Above our own cap of all sessions (CredentialSessions), so the SDK never prunes anyone's idle session.
            http.MaxIdleSessionCount = options.Sessions.MaxSessions + 1;
#pragma warning restore MCP9006
#pragma warning disable MCPEXP002 // RunSessionHandler is experimental; it is the one hook that sees a stateful session start and end.
            http.RunSessionHandler = async (context, server, cancellationToken) =>
            {
                // The session takes over the place its initialize request reserved, and gives it back when it closes.
                var reservation = context.Items[RefoldAuthMiddleware.ReservationItem] as CredentialSessions.Reservation;
                var handedOver = reservation?.TryHandOver() == true;
                RefoldTelemetry.ActiveSessions.Add(1);
                try
                {
                    await server.RunAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    RefoldTelemetry.ActiveSessions.Add(-1);
                    if (handedOver)
                    {
                        reservation!.ReleaseFromSession();
                    }
                }
            };
#pragma warning restore MCPEXP002
            http.ConfigureSessionOptions = async (context, session, cancellationToken) =>
            {
                // A fresh collection per session (or per stateless request) holding the precomputed tools of its credential,
                // and its account tools when it gets them.
                session.ToolCollection = context.User.Identity is RefoldIdentity identity
                    ? await AccountToolCollection.CreateAsync(identity.Session, context.RequestServices.GetService<AccountToolSources>(), cancellationToken).ConfigureAwait(false)
                    : [];
            };
        }).WithAccountToolRefresh().WithToolListCaching(ToolListCaching.TimeToLive(options.AccountTools), perCaller: true);

        var app = builder.Build();
        app.UseTrustedProxies(options.TrustedProxies);
        app.UseMiddleware<RequestGuard>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Endpoint), branch => branch.UseMiddleware<RefoldAuthMiddleware>());
        app.MapRefoldHealth();
        if (oauth is not null)
        {
            OAuthResourceServer.MapMetadata(app, oauth);
        }

        app.MapMcp(Endpoint);
        return app;
    }
}
