using System.CommandLine;
using Refold.Emulator;
using Refold.Emulator.Cli;
using Cmd = System.CommandLine.Command;

namespace Refold.Mcp.Server.Cli;

/// <summary>Parses <c>refold-mcp [command] [options]</c> with System.CommandLine; the flags are <see cref="ServerFlags.All"/>.</summary>
public static class CommandLine
{
    private static readonly Argument<string> CallTool = new("TOOL") { Description = "a tool of the chosen surface, or an operation it reaches" };
    private static readonly Argument<string?> CallArguments = new("JSON-ARGS") { Description = "the arguments as one JSON object, e.g. '{\"limit\": 5}'", Arity = ArgumentArity.ZeroOrOne };

    private static readonly Option<bool> Yes = new("--yes", "-y")
    {
        Description = "confirm this call: one that --confirm says must be confirmed runs without asking (this call only); without it such a call asks y/N on a terminal, else stops and sends nothing",
        Arity = ArgumentArity.Zero,
    };

    private static readonly Argument<string> DescribeTool = new("TOOL") { Description = "a tool or operation name, e.g. run_workflow" };

    // The standalone emulator: the emulator's own flags (--urls, --data, faults), not the server's.
    private static readonly Cmd EmulatorCommand = new("emulator", "run the Refold emulator (seeded demo org) on its own until Ctrl+C, e.g. to point --base-url at it");

    private static RootCommand Root { get; } = Build();

    /// <summary>The help of <c>refold-mcp</c>, generated from the declarations (when asked for: rendering it costs every start a millisecond).</summary>
    public static string Help => HelpFor(null);

    /// <summary>The help of one command (<c>refold-mcp call --help</c>), or of <c>refold-mcp</c> itself when null.</summary>
    public static string HelpFor(string? command) => CommandLineText.Help(Root, command is null ? null : [command], command is null ? Credentials : null);

    /// <exception cref="UsageException">A flag, value or argument that cannot be understood, saying why.</exception>
    public static ServerOptions Parse(IReadOnlyList<string> args)
    {
        var result = CommandLineText.Parse(Root, args);
        var command = result.CommandResult.Command;
        if (CommandLineText.AsksForHelp(result) || command.Name == "help")
        {
            return new ServerOptions { Command = Command.Help, HelpCommand = command == Root || command.Name == "help" ? null : command.Name };
        }

        if (Root.Options.OfType<VersionOption>().Any(v => result.GetResult(v) is not null))
        {
            return new ServerOptions { Command = Command.Version };
        }

        if (CommandLineText.FirstError(result) is { } error)
        {
            throw new UsageException(error);
        }

        if (command == EmulatorCommand)
        {
            try
            {
                return new ServerOptions { Command = Command.Emulator, StandaloneEmulator = EmulatorCommandLine.From(result) };
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
        }

        var options = ServerFlags.All.Aggregate(new ServerOptions(), (o, flag) => flag.ApplyTo(result, o));
        return command.Name switch
        {
            "tools" => options with { Command = Command.Tools },
            "healthcheck" => options with { Command = Command.HealthCheck },
            "describe" => options with { Command = Command.Describe, CallTool = result.GetValue(DescribeTool) },
            "call" => options with { Command = Command.Call, CallTool = result.GetValue(CallTool), CallArguments = result.GetValue(CallArguments), Confirmed = result.GetValue(Yes) },
            _ => options,
        };
    }

    private static RootCommand Build()
    {
        var root = new RootCommand("refold-mcp: the Refold API as MCP tools, over stdio (default) or streamable HTTP.");
        Cmd[] commands =
        [
            new("serve", "run the MCP server (what refold-mcp does without a command)"),
            new("tools", "list the tools of the chosen surface (a table; JSON with --json)"),
            new("call", "run one tool and print its result: lists as a table on a terminal, JSON with --json or when piped (exit code 1 on an error result)") { CallTool, CallArguments, Yes },
            new("describe", "show a tool's title, description, annotations and arguments") { DescribeTool },
            new("healthcheck", "GET /healthz of the HTTP server at --urls; exit 0 when it answers 200 (the image's HEALTHCHECK)"),
        ];
        foreach (var command in (Cmd[])[root, .. commands])
        {
            foreach (var flag in ServerFlags.All)
            {
                command.Add(flag.Option);
            }
        }

        foreach (var command in commands)
        {
            root.Add(command);
        }

        EmulatorCommandLine.AddFlagsTo(EmulatorCommand);
        EmulatorCommand.SetAction(_ => 0);
        root.Add(EmulatorCommand);
        root.Add(new Cmd("help", "this text") { Hidden = true });

        // Every command runs (Program decides how); an action also makes the command itself valid without a subcommand.
        foreach (var command in (Cmd[])[root, .. commands])
        {
            command.SetAction(_ => 0);
        }

        return root;
    }

    private const string Credentials = """

        Examples:
          refold-mcp tools --emulator
          refold-mcp call list_workflows '{"limit": 5}' --emulator
          refold-mcp describe run_workflow
          refold-mcp emulator --urls http://127.0.0.1:5080 --data refold.json
          refold-mcp --transport http --urls http://127.0.0.1:3001

        Credentials (stdio, tools, call) come from the environment:
          REFOLD_API_KEY            org API key (tk... test, pk... production)
          REFOLD_LINKED_ACCOUNT_ID  optional default linked account for the API key
          REFOLD_SESSION_TOKEN      a linked-account session token instead of the API key
          REFOLD_BASE_URL           Refold's address (default https://app.refold.ai)
        Over HTTP each session brings its own: 'Authorization: Bearer <session token>', or with
        --allow-api-key-header also 'x-api-key' (+ 'linked_account_id').
        """;
}
