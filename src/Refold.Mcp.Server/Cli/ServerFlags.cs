using Refold.Api.Catalog;
using Refold.Emulator.Cli;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;
using F = Refold.Emulator.Cli.Flag<Refold.Mcp.Server.Cli.ServerOptions>;

namespace Refold.Mcp.Server.Cli;

/// <summary>
/// Every flag of <c>refold-mcp</c>, each declared once: name, value name, description (with its default), how its
/// value is read and checked, and what it sets in <see cref="ServerOptions"/>. The parser and the help come from this
/// list; adding a flag is adding an entry (and the <see cref="ServerOptions"/> property it sets).
/// </summary>
public static class ServerFlags
{
    public static IReadOnlyList<F> All { get; } =
    [
        F.OneOf("--transport", "transport of the server (default stdio)", [("stdio", Transport.Stdio), ("http", Transport.Http)],
            (o, v) => o with { Transport = v }),
        F.Text("--urls", "URLS", $"HTTP listen address(es), ';'-separated (default {ServerOptions.DefaultUrls}); endpoint /mcp, health at /healthz (alive) and /readyz (Refold reachable), no credential needed",
            (o, v) => o with { Urls = v }),
        // Before --tools: a toolset implies every operation as its own tool unless --tools says otherwise.
        F.List("--toolsets", "a,b", $"only these resource groups (implies --tools all unless --tools is given): {string.Join(", ", RefoldCatalog.Groups.Select(g => g.Id))}",
            Toolsets, (o, v) => o with { Surface = o.Surface with { Toolsets = v, Mode = ToolMode.All } }),
        F.OneOf("--tools", "compact: a few first-class tools plus search/describe/call tools that reach every operation (default); all: every operation as its own tool",
            [("compact", ToolMode.Compact), ("all", ToolMode.All)], (o, v) => o with { Surface = o.Surface with { Mode = v } }),
        F.Switch("--read-only", "no tool that changes data, at list time and at call time",
            o => o with { Surface = o.Surface with { ReadOnly = true } }),
        F.OneOf("--confirm", "which calls ask the human first, through the client (elicitation): those that delete or replace something (default), every write, or none; a client that cannot ask (no elicitation) gets an error instead of a run; the 'call' command asks y/N on a terminal, or takes --yes",
            [("destructive", ConfirmMode.Destructive), ("writes", ConfirmMode.Writes), ("never", ConfirmMode.Never)], (o, v) => o with { Surface = o.Surface with { Confirm = v } }),
        F.Switch("--include-deprecated", "also offer operations Refold has deprecated",
            o => o with { Surface = o.Surface with { IncludeDeprecated = true } }),
        F.Switch("--include-inferred", "also offer operations only inferred from Refold's sources",
            o => o with { Surface = o.Surface with { IncludeInferred = true } }),
        F.WholeNumber("--max-result-tokens", "N", $"most tokens (UTF-8 bytes / 4) one tool result may cost (default {ResultBudget.DefaultMaxTokens}); longer lists are cut by whole items and say how to get the rest", 500, 1_000_000,
            (o, v) => o with { Surface = o.Surface with { Budget = new ResultBudget((int)v) } }),
        F.Switch("--allow-api-key-header", "HTTP: accept x-api-key (+ linked_account_id) headers, not only session tokens",
            o => o with { AllowApiKeyHeader = true }),
        F.Switch("--allow-org-writes-from-tokens", "HTTP: let session tokens also change org-wide resources shared by every linked account (webhooks, MCP servers, event definitions); off by default",
            o => o with { AllowOrgWritesFromTokens = true }),
        F.List("--linked-accounts", "a,b", "serve only these linked accounts: a call naming another, or (HTTP) a credential acting for another, is refused; list_linked_accounts is off",
            LinkedAccountIds, (o, v) => o with { Surface = o.Surface with { AllowedAccounts = v } }),
        F.List("--allowed-origins", "a,b", "HTTP: browser origins allowed besides loopback ones (DNS-rebinding protection)",
            origins => origins, (o, v) => o with { AllowedOrigins = v }),
        Http.TrustedProxies.Setting.ToFlag()!,
        F.WholeNumber("--max-request-bytes", "N", $"HTTP: largest request body (default {ServerOptions.DefaultMaxRequestBytes}); larger gets 413", 1, 1L << 30,
            (o, v) => o with { MaxRequestBytes = v }),
        F.WholeNumber("--max-sessions-per-credential", "N", $"HTTP: most concurrent sessions one credential may hold (default {Http.HttpSessionOptions.DefaultMaxSessionsPerCredential}); more get 429", 1, 100_000,
            (o, v) => o with { Sessions = o.Sessions with { MaxSessionsPerCredential = (int)v } }),
        F.WholeNumber("--max-sessions", "N", $"HTTP: most concurrent sessions of all credentials together (default {Http.HttpSessionOptions.DefaultMaxSessions}); more get 503, and no tenant's idle session is closed to make room", 1, 10_000_000,
            (o, v) => o with { Sessions = o.Sessions with { MaxSessions = (int)v } }),
        F.WholeNumber("--session-idle-timeout", "MINUTES", $"HTTP: close a session unused this long (default {Http.HttpSessionOptions.DefaultIdleTimeoutMinutes})", 1, 24 * 60,
            (o, v) => o with { Sessions = o.Sessions with { IdleTimeout = TimeSpan.FromMinutes(v) } }),
        F.WholeNumber("--credential-recheck", "SECONDS", $"HTTP: how often a verified credential is rechecked with Refold for revocation, in the background (default {Http.HttpSessionOptions.DefaultRecheckSeconds}); tokens are trusted until their expiry", 5, 24 * 3600,
            (o, v) => o with { Sessions = o.Sessions with { RecheckInterval = TimeSpan.FromSeconds(v) } }),
        F.WholeNumber("--max-cached-credentials", "N", $"HTTP: most credentials remembered; the least recently used is forgotten first (default {Http.HttpSessionOptions.DefaultMaxCachedCredentials})", 100, 10_000_000,
            (o, v) => o with { Sessions = o.Sessions with { MaxCachedCredentials = (int)v } }),
        F.Switch("--emulator", "run the embedded Refold emulator (seeded demo org) and use it; no credentials needed, HTTP sessions without a credential act as the demo org",
            o => o with { Emulator = true }),
        F.Text("--data", "FILE", "with --emulator: keep the emulator's state in this JSON file (default for call, tools and describe: refold-mcp/emulator.json in the user's local application data; serving: in memory)",
            (o, v) => o with { EmulatorDataFile = v }),
        F.Switch("--ephemeral", "with --emulator: a throwaway emulator that keeps nothing, also for call and tools",
            o => o with { EphemeralEmulator = true }),
        F.Number("--emulator-speed", "N", "run the embedded emulator's clock N times faster (1 to 1000; demos, tests)", 1, 1000,
            (o, v) => o with { EmulatorSpeed = v }),
        F.WholeNumber("--max-wait", "SECONDS", $"longest wait run_workflow / wait_for_execution may be asked for (default {Surface.DefaultMaxWaitSeconds}; each waits {Surface.DefaultWaitSeconds} s unless asked otherwise)", 1, 3600,
            (o, v) => o with { Surface = o.Surface with { MaxWaitSeconds = (int)v } }),
        Hosting.Upstream.BaseUrlSetting.ToFlag()!,
        F.Value("--log-level", "LEVEL", "trace, debug, information (default), warning, error, critical, none; logs go to stderr", LogLevelName,
            (o, v) => o with { LogLevel = v }),
        F.Switch("--json", "with 'tools': print the tools/list result as JSON",
            o => o with { Json = true }),
        F.Switch("--workflow-tools", "a session acting for one linked account (session token, or API key with REFOLD_LINKED_ACCOUNT_ID) also gets one tool per published workflow enabled for it",
            o => o with { AccountTools = o.AccountTools with { Workflows = true } }),
        F.Switch("--action-tools", "... and one tool per action of each app that account has connected (API key only)",
            o => o with { AccountTools = o.AccountTools with { Actions = true } }),
        F.WholeNumber("--max-account-tools", "N", $"at most N such tools per session, workflows first (default {AccountToolOptions.DefaultMax})", 0, AccountToolOptions.HighestMax,
            (o, v) => o with { AccountTools = o.AccountTools with { Max = (int)v } }),
        Observability.AuditLog.Setting.ToFlag()!,
        .. Flags(Scale.ScaleSettings.All),
        F.Text("--config", "FILE", $"a JSON file whose \"Refold\" object sets the limits below by RefoldOptions names, e.g. \"CallDeadline\": 40; {OtherSections()} (flags win over REFOLD_* variables over the file; durations in seconds)",
            (o, v) => o with { ConfigFile = v }),
        .. Flags(Hosting.RefoldSettings.All),
        .. Flags(Http.OAuthOptions.All),
    ];

    private static IEnumerable<F> Flags(IEnumerable<Hosting.Setting> settings) => settings.Select(s => s.ToFlag()).OfType<F>();

    // The file's other objects, from the settings' keys: e.g. "Scale" (Redis, SessionMode, Replicas).
    private static string OtherSections() => string.Join("; ", Hosting.ServerSettings.All
        .Where(s => s.Key is not null && !s.Key.StartsWith("Refold:", StringComparison.Ordinal))
        .GroupBy(s => s.Key![..s.Key!.IndexOf(':')], StringComparer.Ordinal)
        .Select(g => $"\"{g.Key}\" ({string.Join(", ", g.Select(s => s.Key![(s.Key!.IndexOf(':') + 1)..]))})"));

    private static HashSet<string> Toolsets(IReadOnlyList<string> ids)
    {
        var known = string.Join(", ", RefoldCatalog.Groups.Select(g => g.Id));
        var unknown = ids.Where(id => RefoldCatalog.Groups.All(g => g.Id != id)).ToList();
        return (unknown.Count, ids.Count) switch
        {
            (_, 0) => throw new FormatException($"--toolsets needs at least one toolset; known: {known}."),
            (0, _) => ids.ToHashSet(StringComparer.Ordinal),
            _ => throw new FormatException($"--toolsets: unknown toolset {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {known}."),
        };
    }

    private static HashSet<string> LinkedAccountIds(IReadOnlyList<string> ids) => ids.Count > 0
        ? ids.ToHashSet(StringComparer.Ordinal)
        : throw new FormatException("--linked-accounts needs at least one linked account id, e.g. --linked-accounts acct_1,acct_2.");

    private static string LogLevelName(string value) => value.ToLowerInvariant() switch
    {
        "trace" => "Trace",
        "debug" => "Debug",
        "information" or "info" => "Information",
        "warning" or "warn" => "Warning",
        "error" => "Error",
        "critical" => "Critical",
        "none" => "None",
        _ => throw new FormatException($"--log-level must be trace, debug, information, warning, error, critical or none, got '{value}'."),
    };
}
