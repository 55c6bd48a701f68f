using Microsoft.Extensions.Configuration;
using Refold.Emulator.Cli;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// One setting of <c>refold-mcp</c>, declared once: its flag, its <c>REFOLD_*</c> variable and its key in the
/// <c>--config</c> file (each may be absent), the flag's value name and help, how a value is read (a
/// <see cref="FormatException"/> naming where the value came from and what is allowed) and where it goes in
/// <see cref="ServerOptions"/>. The flag (<see cref="ToFlag"/>, listed in <see cref="ServerFlags.All"/>) and the
/// precedence (<see cref="ServerSettings.Resolve"/>: flag over variable over file) come from it.
/// </summary>
public sealed class Setting
{
    private readonly Func<ServerOptions, bool> _given;
    private readonly Func<ServerOptions, string, string, ServerOptions> _read;
    private readonly Lazy<Flag<ServerOptions>>? _flag;

    private Setting(string? flag, string? variable, string? key, string help, Func<ServerOptions, bool> given,
        Func<ServerOptions, string, string, ServerOptions> read, Func<Flag<ServerOptions>>? toFlag)
    {
        Flag = flag;
        Variable = variable;
        Key = key;
        Help = help;
        _given = given;
        _read = read;
        _flag = toFlag is null ? null : new(toFlag);
    }

    /// <summary>The command-line flag (<c>--rate</c>), or null when only the environment or the file sets it.</summary>
    public string? Flag { get; }

    /// <summary>The environment variable (<c>REFOLD_RATE</c>), or null.</summary>
    public string? Variable { get; }

    /// <summary>The key in the <c>--config</c> file, as a configuration path (<c>Refold:PermitsPerSecond</c>), or null.</summary>
    public string? Key { get; }

    /// <summary>The flag's help; it ends with <c>; or VARIABLE</c> unless it names the variable itself.</summary>
    public string Help { get; }

    /// <summary>
    /// Declares a setting whose value is a <typeparamref name="T"/>: <paramref name="read"/> takes the text and the
    /// name of its source; <paramref name="given"/> says whether <see cref="ServerOptions"/> already holds a value
    /// (the flag's, which then wins); <paramref name="set"/> puts a value there.
    /// </summary>
    public static Setting Of<T>(string? flag, string? variable, string? key, string valueName, string help,
        Func<string, string, T> read, Func<ServerOptions, bool> given, Func<ServerOptions, T, ServerOptions> set)
    {
        var description = variable is null || help.Contains(variable, StringComparison.Ordinal) ? help : $"{help}; or {variable}";
        return new(flag, variable, key, description, given, (o, text, source) => set(o, read(text, source)),
            flag is null ? null : () => Flag<ServerOptions>.Value(flag, valueName, description, text => read(text, flag), set));
    }

    /// <summary>The flag System.CommandLine parses (its value read at parse time), or null when the setting has none.</summary>
    public Flag<ServerOptions>? ToFlag() => _flag?.Value;

    /// <summary>
    /// <paramref name="options"/> with this setting taken from the variable, else from the file, when no flag gave it.
    /// </summary>
    /// <exception cref="UsageException">A value that cannot be read, naming the variable or the file's key.</exception>
    public ServerOptions Complete(ServerOptions options, Func<string, string?> environment, IConfiguration? file)
    {
        if (_given(options))
        {
            return options;
        }

        var (text, source) = Variable is not null && Blank(environment(Variable)) is { } value
            ? (value, Variable)
            : (Key is not null ? ConfigFile.Value(file, Key) : null, $"{Key} in --config");
        try
        {
            return text is null ? options : _read(options, text, source);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
