using Refold.Api.Catalog;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Cli;

/// <summary>Everything the command line can say; the same options drive the server and the CLI commands.</summary>
public sealed record ServerOptions
{
    public const string DefaultUrls = "http://127.0.0.1:3001";
    public const long DefaultMaxRequestBytes = 1024 * 1024;

    public Command Command { get; init; } = Command.Serve;

    /// <summary>For <see cref="Command.Help"/>: the command whose help was asked for (<c>call --help</c>); null for the whole tool.</summary>
    public string? HelpCommand { get; init; }

    public Transport Transport { get; init; } = Transport.Stdio;

    public string Urls { get; init; } = DefaultUrls;

    public Surface Surface { get; init; } = new();

    public bool AllowApiKeyHeader { get; init; }

    /// <summary>HTTP: session tokens may also change org-wide resources (webhooks, MCP servers, event definitions).</summary>
    public bool AllowOrgWritesFromTokens { get; init; }

    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    public long MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>HTTP: proxies whose <c>X-Forwarded-For</c> gives the client address (<see cref="Http.TrustedProxies"/>); null trusts none.</summary>
    public IReadOnlyList<string>? TrustedProxies { get; init; }

    /// <summary>HTTP: per-credential session cap, idle timeout, credential trust and recheck (<see cref="Http.HttpSessionOptions"/>).</summary>
    public Http.HttpSessionOptions Sessions { get; init; } = new();

    public bool Emulator { get; init; }

    /// <summary><c>--data FILE</c>: the embedded emulator keeps its state in this file (see <see cref="EmulatorData"/> for the default of the CLI commands).</summary>
    public string? EmulatorDataFile { get; init; }

    /// <summary><c>--ephemeral</c>: the embedded emulator keeps nothing, not even for <c>call</c> and <c>tools</c>.</summary>
    public bool EphemeralEmulator { get; init; }

    /// <summary>For <c>refold-mcp emulator</c>: the standalone emulator's options, read by the emulator's own flags.</summary>
    public Refold.Emulator.EmulatorOptions? StandaloneEmulator { get; init; }

    /// <summary>How many times faster than real time the embedded emulator's clock runs (demos, tests); 1 by default.</summary>
    public double EmulatorSpeed { get; init; } = 1;

    /// <summary>Refold's base URL (the flag, REFOLD_BASE_URL or Refold:BaseUrl in --config, see Upstream.BaseUrlSetting); null means Refold's public host.</summary>
    public Uri? BaseUrl { get; init; }

    public string LogLevel { get; init; } = "Information";

    /// <summary>For <c>tools</c>: print the tools/list JSON instead of a table.</summary>
    public bool Json { get; init; }

    /// <summary>The tool of <c>call</c> and <c>describe</c>.</summary>
    public string? CallTool { get; init; }

    public string? CallArguments { get; init; }

    /// <summary><c>call --yes</c>: this one call counts as confirmed (the surface's <c>--confirm</c> is unchanged).</summary>
    public bool Confirmed { get; init; }

    /// <summary><c>--workflow-tools</c>, <c>--action-tools</c>, <c>--max-account-tools</c>: per-account tools built from Refold data.</summary>
    public AccountToolOptions AccountTools { get; init; } = new(false, false, AccountToolOptions.DefaultMax);

    /// <summary><c>--config FILE</c>: a JSON file whose <c>Refold</c> section sets the client's limits (see <see cref="Hosting.RefoldSettings"/>).</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--audit-log FILE</c> or <c>REFOLD_AUDIT_LOG</c>: where every write is recorded as a JSON line (none by default).</summary>
    public string? AuditLog { get; init; }
    /// <summary><c>--redis</c>, <c>--session-mode</c>, <c>--replicas</c>, <c>REFOLD_TICKET_KEY</c> (see <see cref="Scale.ScaleSettings"/>).</summary>
    public Scale.ScaleOptions Scale { get; init; } = new();

    /// <summary>OAuth resource-server mode's settings (<c>--jwt-authority</c>, ...), by flag, as read; checked together by <see cref="Http.OAuthOptions.Resolve"/>.</summary>
    public IReadOnlyDictionary<string, string> OAuthSettings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The Refold client's limits given (<c>--rate</c>, <c>REFOLD_DEADLINE</c>, ...), by <see cref="Refold.Api.Client.RefoldOptions"/>
    /// property, each as what it sets; applied by <see cref="Hosting.RefoldSettings.Bind"/>.
    /// </summary>
    public IReadOnlyDictionary<string, Action<Refold.Api.Client.RefoldOptions>> RefoldLimits { get; init; } = new Dictionary<string, Action<Refold.Api.Client.RefoldOptions>>(StringComparer.Ordinal);
}
