using Refold.Api.Catalog;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Cli;

public enum Command
{
    Serve,
    Tools,
    Call,
    Help,
    Version,
}

public enum Transport
{
    Stdio,
    Http,
}

/// <summary>Everything the command line can say; the same options drive the server and the CLI commands.</summary>
public sealed record ServerOptions
{
    public const string DefaultUrls = "http://127.0.0.1:3001";
    public const long DefaultMaxRequestBytes = 1024 * 1024;

    public Command Command { get; init; } = Command.Serve;

    public Transport Transport { get; init; } = Transport.Stdio;

    public string Urls { get; init; } = DefaultUrls;

    public Surface Surface { get; init; } = new();

    public bool AllowApiKeyHeader { get; init; }

    /// <summary>HTTP: session tokens may also change org-wide resources (webhooks, MCP servers, event definitions).</summary>
    public bool AllowOrgWritesFromTokens { get; init; }

    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    public long MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>HTTP: per-credential session cap, idle timeout, credential trust and recheck (<see cref="Http.HttpSessionOptions"/>).</summary>
    public Http.HttpSessionOptions Sessions { get; init; } = new();

    public bool Emulator { get; init; }

    /// <summary>How many times faster than real time the embedded emulator's clock runs (demos, tests); 1 by default.</summary>
    public double EmulatorSpeed { get; init; } = 1;

    /// <summary>Refold's base URL; null means REFOLD_BASE_URL or Refold's public host.</summary>
    public Uri? BaseUrl { get; init; }

    public string LogLevel { get; init; } = "Information";

    /// <summary>For <c>tools</c>: print the tools/list JSON instead of a table.</summary>
    public bool Json { get; init; }

    public string? CallTool { get; init; }

    public string? CallArguments { get; init; }

    /// <summary><c>--workflow-tools</c>, <c>--action-tools</c>, <c>--max-account-tools</c>: per-account tools built from Refold data.</summary>
    public AccountToolOptions AccountTools { get; init; } = new(false, false, AccountToolOptions.DefaultMax);

    /// <summary><c>--config FILE</c>: a JSON file whose <c>Refold</c> section sets the client's limits (see <see cref="Hosting.RefoldSettings"/>).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The Refold client's limits given as flags (<c>--rate</c>, <c>--deadline</c>, ...), by flag, as typed.</summary>
    public IReadOnlyDictionary<string, string> RefoldSettings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A command line that cannot be understood; the message says why.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Parses <c>refold-mcp [command] [options]</c>.</summary>
public static class CommandLine
{
    public static ServerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ServerOptions();
        var surface = new Surface();
        string? tools = null;
        var positional = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var eq)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"{arg} needs a value.");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-h" or "--help":
                    options = options with { Command = Command.Help };
                    break;
                case "--version":
                    options = options with { Command = Command.Version };
                    break;
                case "--transport":
                    options = options with
                    {
                        Transport = Value() switch
                        {
                            "stdio" => Transport.Stdio,
                            "http" => Transport.Http,
                            var v => throw new UsageException($"--transport must be 'stdio' or 'http', got '{v}'."),
                        },
                    };
                    break;
                case "--urls":
                    options = options with { Urls = Value() };
                    break;
                case "--tools":
                    tools = Value();
                    break;
                case "--toolsets":
                    surface = surface with { Toolsets = Toolsets(Value()) };
                    break;
                case "--read-only":
                    surface = surface with { ReadOnly = true };
                    break;
                case "--include-deprecated":
                    surface = surface with { IncludeDeprecated = true };
                    break;
                case "--include-inferred":
                    surface = surface with { IncludeInferred = true };
                    break;
                case "--confirm":
                    surface = surface with
                    {
                        Confirm = Value() switch
                        {
                            "destructive" => ConfirmMode.Destructive,
                            "writes" => ConfirmMode.Writes,
                            "never" => ConfirmMode.Never,
                            var v => throw new UsageException($"--confirm must be 'destructive', 'writes' or 'never', got '{v}'."),
                        },
                    };
                    break;
                case "--max-result-tokens":
                    surface = surface with
                    {
                        Budget = new ResultBudget(int.TryParse(Value(), out var tokens) && tokens is >= 500 and <= 1_000_000
                            ? tokens
                            : throw new UsageException("--max-result-tokens must be a whole number from 500 to 1000000.")),
                    };
                    break;
                case "--allow-api-key-header":
                    options = options with { AllowApiKeyHeader = true };
                    break;
                case "--allow-org-writes-from-tokens":
                    options = options with { AllowOrgWritesFromTokens = true };
                    break;
                case "--linked-accounts":
                    surface = surface with { AllowedAccounts = LinkedAccountIds(Value()) };
                    break;
                case "--allowed-origins":
                    options = options with { AllowedOrigins = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] };
                    break;
                case "--max-request-bytes":
                    options = options with
                    {
                        MaxRequestBytes = long.TryParse(Value(), out var max) && max > 0
                            ? max
                            : throw new UsageException("--max-request-bytes must be a positive whole number."),
                    };
                    break;
                case "--max-sessions-per-credential":
                    options = options with { Sessions = options.Sessions with { MaxSessionsPerCredential = WholeNumber(arg, Value(), 1, 100_000) } };
                    break;
                case "--session-idle-timeout":
                    options = options with { Sessions = options.Sessions with { IdleTimeout = TimeSpan.FromMinutes(WholeNumber(arg, Value(), 1, 24 * 60)) } };
                    break;
                case "--credential-recheck":
                    options = options with { Sessions = options.Sessions with { RecheckInterval = TimeSpan.FromSeconds(WholeNumber(arg, Value(), 5, 24 * 3600)) } };
                    break;
                case "--max-cached-credentials":
                    options = options with { Sessions = options.Sessions with { MaxCachedCredentials = WholeNumber(arg, Value(), 100, 10_000_000) } };
                    break;
                case "--emulator":
                    options = options with { Emulator = true };
                    break;
                case "--emulator-speed":
                    options = options with
                    {
                        EmulatorSpeed = double.TryParse(Value(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var speed) && speed is >= 1 and <= 1000
                            ? speed
                            : throw new UsageException("--emulator-speed must be a number from 1 to 1000."),
                    };
                    break;
                case "--max-wait":
                    surface = surface with
                    {
                        MaxWaitSeconds = int.TryParse(Value(), out var wait) && wait is >= 1 and <= 3600
                            ? wait
                            : throw new UsageException("--max-wait must be a whole number of seconds from 1 to 3600."),
                    };
                    break;
                case "--base-url":
                    options = options with
                    {
                        BaseUrl = Uri.TryCreate(Value(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                            ? url
                            : throw new UsageException("--base-url must be an absolute http(s) URL."),
                    };
                    break;
                case "--log-level":
                    options = options with { LogLevel = LogLevelName(Value()) };
                    break;
                case "--json":
                    options = options with { Json = true };
                    break;
                case "--workflow-tools":
                    options = options with { AccountTools = options.AccountTools with { Workflows = true } };
                    break;
                case "--action-tools":
                    options = options with { AccountTools = options.AccountTools with { Actions = true } };
                    break;
                case "--max-account-tools":
                    options = options with
                    {
                        AccountTools = options.AccountTools with
                        {
                            Max = int.TryParse(Value(), out var cap) && cap is >= 0 and <= AccountToolOptions.HighestMax
                                ? cap
                                : throw new UsageException($"--max-account-tools must be a whole number from 0 to {AccountToolOptions.HighestMax}."),
                        },
                    };
                    break;
                case "--config":
                    options = options with { ConfigFile = Value() };
                    break;
                case var flag when Hosting.RefoldSettings.ByFlag(flag) is not null:
                    options = options with { RefoldSettings = new Dictionary<string, string>(options.RefoldSettings, StringComparer.Ordinal) { [flag] = Value() } };
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new UsageException($"Unknown option {arg}.");
                    }

                    positional.Add(arg);
                    break;
            }
        }

        surface = surface with
        {
            Mode = tools switch
            {
                null => surface.Toolsets is null ? ToolMode.Compact : ToolMode.All,
                "compact" => ToolMode.Compact,
                "all" => ToolMode.All,
                _ => throw new UsageException($"--tools must be 'compact' or 'all', got '{tools}'."),
            },
        };
        options = options with { Surface = surface };
        return options.Command is Command.Help or Command.Version ? options : WithCommand(options, positional);
    }

    private static ServerOptions WithCommand(ServerOptions options, List<string> positional)
    {
        if (positional.Count == 0)
        {
            return options;
        }

        return positional[0] switch
        {
            "serve" when positional.Count == 1 => options,
            "tools" when positional.Count == 1 => options with { Command = Command.Tools },
            "call" when positional.Count is 2 or 3 => options with { Command = Command.Call, CallTool = positional[1], CallArguments = positional.ElementAtOrDefault(2) },
            "call" => throw new UsageException("Usage: refold-mcp call TOOL ['JSON-ARGUMENTS']"),
            "help" => options with { Command = Command.Help },
            var other => throw new UsageException($"Unexpected argument '{other}'."),
        };
    }

    private static int WholeNumber(string option, string value, int min, int max) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"{option} must be a whole number from {min} to {max}, got '{value}'.");

    private static HashSet<string> Toolsets(string value)
    {
        var ids = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = ids.Where(id => RefoldCatalog.Groups.All(g => g.Id != id)).ToList();
        if (unknown.Count > 0 || ids.Count == 0)
        {
            throw new UsageException($"Unknown toolset {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {string.Join(", ", RefoldCatalog.Groups.Select(g => g.Id))}.");
        }

        return ids;
    }

    private static HashSet<string> LinkedAccountIds(string value)
    {
        var ids = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return ids.Count > 0 ? ids : throw new UsageException("--linked-accounts needs at least one linked account id, e.g. --linked-accounts acct_1,acct_2.");
    }

    private static string LogLevelName(string value) => value.ToLowerInvariant() switch
    {
        "trace" => "Trace",
        "debug" => "Debug",
        "information" or "info" => "Information",
        "warning" or "warn" => "Warning",
        "error" => "Error",
        "critical" => "Critical",
        "none" => "None",
        _ => throw new UsageException($"--log-level must be trace, debug, information, warning, error, critical or none, got '{value}'."),
    };

    public static string Help { get; } = $"""
        refold-mcp: the Refold API as MCP tools, over stdio (default) or streamable HTTP.

        Usage:
          refold-mcp [serve] [options]            run the MCP server
          refold-mcp tools [--json] [options]     list the tools of the chosen surface
          refold-mcp call TOOL ['JSON-ARGS']      run one tool and print its result (exit 1 on an error result)
          refold-mcp --help | --version

        Credentials (stdio, tools, call) come from the environment:
          REFOLD_API_KEY            org API key (tk... test, pk... production)
          REFOLD_LINKED_ACCOUNT_ID  optional default linked account for the API key
          REFOLD_SESSION_TOKEN      a linked-account session token instead of the API key
          REFOLD_BASE_URL           Refold's address (default https://app.refold.ai)
        Over HTTP each session brings its own: 'Authorization: Bearer <session token>', or with
        --allow-api-key-header also 'x-api-key' (+ 'linked_account_id').

        Options:
          --transport stdio|http     transport of the server (default stdio)
          --urls URLS                HTTP listen address(es), ';'-separated (default {ServerOptions.DefaultUrls}); endpoint /mcp
          --tools compact|all        compact: a few first-class tools plus search/describe/call tools that reach
                                     every operation (default); all: every operation as its own tool
          --toolsets a,b             only these resource groups (implies --tools all unless --tools is given):
                                     {string.Join(", ", RefoldCatalog.Groups.Select(g => g.Id))}
          --read-only                no tool that changes data, at list time and at call time
          --confirm destructive|writes|never
                                     which calls ask the human first, through the client (elicitation): those that
                                     delete or replace something (default), every write, or none; a client that
                                     cannot ask (no elicitation; the 'call' command) gets an error instead of a run
          --include-deprecated       also offer operations Refold has deprecated
          --include-inferred         also offer operations only inferred from Refold's sources
          --max-result-tokens N      most tokens (UTF-8 bytes / 4) one tool result may cost (default {ResultBudget.DefaultMaxTokens});
                                     longer lists are cut by whole items and say how to get the rest
          --allow-api-key-header     HTTP: accept x-api-key (+ linked_account_id) headers, not only session tokens
          --allow-org-writes-from-tokens
                                     HTTP: let session tokens also change org-wide resources shared by every
                                     linked account (webhooks, MCP servers, event definitions); off by default
          --linked-accounts a,b      serve only these linked accounts: a call naming another, or (HTTP) a
                                     credential acting for another, is refused; list_linked_accounts is off
          --allowed-origins a,b      HTTP: browser origins allowed besides loopback ones (DNS-rebinding protection)
          --max-request-bytes N      HTTP: largest request body (default {ServerOptions.DefaultMaxRequestBytes}); larger gets 413
          --max-sessions-per-credential N
                                     HTTP: most concurrent sessions one credential may hold (default {Http.HttpSessionOptions.DefaultMaxSessionsPerCredential}); more get 429
          --session-idle-timeout MINUTES
                                     HTTP: close a session unused this long (default {Http.HttpSessionOptions.DefaultIdleTimeoutMinutes})
          --credential-recheck SECONDS
                                     HTTP: how often a verified credential is rechecked with Refold for revocation,
                                     in the background (default {Http.HttpSessionOptions.DefaultRecheckSeconds}); tokens are trusted until their expiry
          --max-cached-credentials N HTTP: most credentials remembered; the least recently used is forgotten first (default {Http.HttpSessionOptions.DefaultMaxCachedCredentials})
          --emulator                 run the embedded Refold emulator (seeded demo org) and use it; no credentials
                                     needed, HTTP sessions without a credential act as the demo org
          --emulator-speed N         run the embedded emulator's clock N times faster (1 to 1000; demos, tests)
          --max-wait SECONDS         longest wait run_workflow / wait_for_execution may be asked for (default
                                     {Surface.DefaultMaxWaitSeconds}; each waits {Surface.DefaultWaitSeconds} s unless asked otherwise)
          --base-url URL             Refold's address (overrides REFOLD_BASE_URL)
          --log-level LEVEL          trace, debug, information (default), warning, error, critical, none; logs go to stderr
          --json                     with 'tools': print the tools/list result as JSON
          --workflow-tools           a session acting for one linked account (session token, or API key with
                                     REFOLD_LINKED_ACCOUNT_ID) also gets one tool per published workflow enabled for it
          --action-tools             ... and one tool per action of each app that account has connected (API key only)
          --max-account-tools N      at most N such tools per session, workflows first (default {AccountToolOptions.DefaultMax})

        Limits of the calls to Refold (flag, or environment variable, or the 'Refold' section of --config FILE,
        a JSON file whose "Refold" object uses RefoldOptions names, e.g. "CallDeadline": 40; flags win over variables
        over the file; durations in seconds):
          --config FILE              JSON configuration file
        {string.Join("\n", Hosting.RefoldSettings.All.Select(s => $"  {s.Flag + " V",-26} {s.Help}; or {s.Variable}"))}
          -h, --help                 this text
        """;
}
