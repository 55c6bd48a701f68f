namespace Refold.Mcp.Server.Cli;

/// <summary>
/// How <c>refold-mcp call</c> gives the confirmation <c>--confirm</c> asks for, for that one call only: <c>--yes</c>
/// confirms it up front, a terminal is asked y/N, and anything else (stdin or stderr not a terminal) is never waited
/// on: the call stops with <see cref="Advice"/> and nothing is sent.
/// </summary>
public static class CallConfirmation
{
    /// <summary>The error code of a call that needed a confirmation nobody could give.</summary>
    public const string UnavailableCode = "CONFIRMATION_UNAVAILABLE";

    /// <summary>The terminal to ask on: stdin, when both it and stderr (where the question goes) are terminals; else null.</summary>
    public static TextReader? Terminal() => Console.IsInputRedirected || Console.IsErrorRedirected ? null : Console.In;

    /// <summary>
    /// The confirmer of one call: always yes with <paramref name="yes"/>; else a y/N question on <paramref name="error"/>
    /// answered from <paramref name="terminal"/>; null (nobody to ask) without a terminal.
    /// </summary>
    public static Func<string, CancellationToken, ValueTask<bool>>? For(bool yes, TextReader? terminal, TextWriter error)
    {
        if (yes)
        {
            return (_, _) => ValueTask.FromResult(true);
        }

        return terminal is null ? null : async (question, cancellationToken) =>
        {
            await error.WriteLineAsync(question.TrimEnd()).ConfigureAwait(false);
            await error.WriteAsync("Send it? [y/N] ").ConfigureAwait(false);
            await error.FlushAsync(cancellationToken).ConfigureAwait(false);
            // Read on the pool: Console.In reads synchronously, and Ctrl+C must still end the wait.
            var answer = await Task.Run(terminal.ReadLine, CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
            return answer?.Trim().ToLowerInvariant() is "y" or "yes";
        };
    }

    /// <summary>The one line for a call that needed confirmation: the tool (and the operation it sends, when another name) and the fix.</summary>
    public static string Advice(string tool, string? operation) => operation is null || operation == tool
        ? $"refold-mcp: {tool} must be confirmed before it runs; nothing was sent to Refold. Re-run with --yes to confirm this call."
        : $"refold-mcp: {tool} must be confirmed before it runs (it sends {operation}); nothing was sent to Refold. Re-run with --yes to confirm this call.";
}
