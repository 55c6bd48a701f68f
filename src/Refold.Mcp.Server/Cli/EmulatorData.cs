namespace Refold.Mcp.Server.Cli;

/// <summary>
/// Where the embedded emulator (<c>--emulator</c>) keeps its state: <c>--data FILE</c> when given; for the one-shot
/// commands (<c>call</c>, <c>tools</c>, <c>describe</c>) a file in the user's local application data, so a run started
/// by one <c>call</c> is found by the next; nowhere with <c>--ephemeral</c>, or when serving without <c>--data</c>.
/// </summary>
public static class EmulatorData
{
    /// <summary>The default file of the one-shot commands: <c>refold-mcp/emulator.json</c> under the local application data folder.</summary>
    public static string DefaultFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "refold-mcp", "emulator.json");

    /// <summary>The state file for <paramref name="options"/>, or null to keep the state in memory.</summary>
    public static string? FileFor(ServerOptions options) => options switch
    {
        { EphemeralEmulator: true } => null,
        { EmulatorDataFile: { } file } => file,
        { Command: Command.Call or Command.Tools or Command.Describe } => DefaultFile,
        _ => null,
    };
}
