using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Refold.Mcp.Server.Observability;
using Refold.Mcp.Server.Sessions;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Everything a tool gets for one call: the session (credential, client, tools), the arguments, and what the
/// request says about the client: its progress token, its capabilities and protocol, its cancellation. Over the CLI
/// there is no MCP request: no client to ask, and progress goes to <see cref="LocalProgress"/> (stderr) when set.
/// </summary>
public sealed class ToolCall
{
    public required RefoldSession Session { get; init; }

    /// <summary>The arguments as sent (an empty object when none were).</summary>
    public required JsonObject Arguments { get; init; }

    /// <summary>The MCP request this call answers; null from the CLI.</summary>
    public RequestContext<CallToolRequestParams>? Request { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Where writes are recorded (<c>--audit-log</c>); null when no audit log is configured.</summary>
    public AuditLog? Audit { get; init; }

    /// <summary>Where progress messages go when there is no MCP client (the CLI prints them on stderr); null: nowhere.</summary>
    public Func<string, ValueTask>? LocalProgress { get; init; }

    /// <summary>
    /// With no MCP client to ask (the CLI): answers a confirmation question (its text) for this call only, true to send
    /// (<c>call --yes</c>, or a y at the terminal); null: nobody can be asked, so a call that needs confirmation is refused.
    /// </summary>
    public Func<string, CancellationToken, ValueTask<bool>>? LocalConfirm { get; init; }

    /// <summary>The server end of the client's session, to ask it something (elicitation); null from the CLI.</summary>
    public McpServer? Server => Request?.Server;

    public ClientCapabilities? ClientCapabilities => Server?.ClientCapabilities;

    /// <summary>The protocol revision the client speaks (e.g. 2025-11-25 or 2026-07-28); null from the CLI.</summary>
    public string? ProtocolVersion => Server?.NegotiatedProtocolVersion;

    /// <summary>The token the client asked progress notifications under, or null when it asked for none.</summary>
    public ProgressToken? ProgressToken => Request?.Params?.ProgressToken;

    /// <summary>The clock every wait of this call runs on (the session client's).</summary>
    public TimeProvider Time => Session.Client.Time;

    /// <summary>
    /// Sends one progress notification and waits until it is written, so none is lost to the final answer. Does
    /// nothing when the client sent no progress token.
    /// </summary>
    public async ValueTask ReportProgressAsync(double progress, double? total, string message)
    {
        if (Server is { } server && ProgressToken is { } token)
        {
            await server.NotifyProgressAsync(token, new ProgressNotificationValue { Progress = (float)progress, Total = total is { } t ? (float)t : null, Message = message },
                cancellationToken: CancellationToken).ConfigureAwait(false);
        }
        else if (Request is null && LocalProgress is { } local)
        {
            await local(message).ConfigureAwait(false);
        }
    }

    /// <summary>A call of the MCP request <paramref name="request"/>.</summary>
    public static ToolCall Of(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) => new()
    {
        Session = RefoldSession.Of(request),
        Arguments = ServerJson.ToObject(request.Params?.Arguments) ?? [],
        Request = request,
        CancellationToken = cancellationToken,
        Audit = request.Services?.GetService(typeof(AuditLog)) as AuditLog,
    };

    /// <summary>A call with no MCP client behind it (the CLI, a session's background reads of its account tools, tests of a tool alone).</summary>
    public static ToolCall Local(RefoldSession session, JsonObject? arguments, CancellationToken cancellationToken, AuditLog? audit = null, Func<string, ValueTask>? progress = null,
        Func<string, CancellationToken, ValueTask<bool>>? confirm = null) => new()
    {
        Session = session,
        Arguments = arguments ?? [],
        CancellationToken = cancellationToken,
        Audit = audit,
        LocalProgress = progress,
        LocalConfirm = confirm,
    };

    /// <summary>The same call with other arguments (a dispatcher passing on the inner operation's).</summary>
    public ToolCall With(JsonObject arguments) => new()
    {
        Session = Session,
        Arguments = arguments,
        Request = Request,
        CancellationToken = CancellationToken,
        Audit = Audit,
        LocalProgress = LocalProgress,
        LocalConfirm = LocalConfirm,
    };
}
