using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Refold.Emulator.Cli;

/// <summary>Parsing and help shared by the emulator's and the server's command lines.</summary>
public static class CommandLineText
{
    /// <summary>Parses without response files, so an argument starting with '@' is kept as typed.</summary>
    public static ParseResult Parse(Command command, IReadOnlyList<string> args) =>
        command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>The first error of <paramref name="result"/> as one line, or null when it parsed.</summary>
    public static string? FirstError(ParseResult result) => result.Errors.Count == 0 ? null : result.Errors[0] switch
    {
        { SymbolResult: OptionResult { Option: var option, Tokens.Count: 0 } } when option.Arity.MinimumNumberOfValues > 0 =>
            $"{option.Name} needs a value ({option.HelpName}).",
        var error => error.Message,
    };

    /// <summary>Whether <c>-h</c>/<c>--help</c> was given anywhere on the line.</summary>
    public static bool AsksForHelp(ParseResult result) => result.Action is HelpAction;

    /// <summary>
    /// The help System.CommandLine generates from the declarations of <paramref name="root"/> (or of the subcommand
    /// named by <paramref name="path"/>), followed by <paramref name="epilogue"/>.
    /// </summary>
    public static string Help(RootCommand root, IReadOnlyList<string>? path = null, string? epilogue = null)
    {
        using var writer = new StringWriter();
        var result = Parse(root, [.. path ?? [], "--help"]);
        if (result.Action is HelpAction help)
        {
            help.MaxWidth = 110;
        }

        result.Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        if (epilogue is not null)
        {
            writer.WriteLine(epilogue.TrimEnd());
        }

        return writer.ToString().TrimEnd() + Environment.NewLine;
    }
}
