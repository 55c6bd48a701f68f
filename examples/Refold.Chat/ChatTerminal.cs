namespace Refold.Chat;

/// <summary>Where the app reads and writes: the real console, or readers and writers a test supplies.</summary>
internal sealed class ChatTerminal(TextReader input, TextWriter output, TextWriter errors, bool interactive)
{
    private readonly Lock _lock = new();
    private Action? _onInterrupt;

    public TextReader Input { get; } = input;

    public TextWriter Output { get; } = output;

    public TextWriter Errors { get; } = errors;

    /// <summary>A person at a terminal: lines may be rewritten in place and the prompt is shown.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>The process console; Ctrl+C becomes <see cref="Interrupt"/> instead of ending the app.</summary>
    public static ChatTerminal FromConsole()
    {
        var terminal = new ChatTerminal(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected && !Console.IsOutputRedirected);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            terminal.Interrupt();
        };
        return terminal;
    }

    /// <summary>Runs <paramref name="handler"/> on the next Ctrl+C until the returned scope ends.</summary>
    public IDisposable OnInterrupt(Action handler)
    {
        lock (_lock)
        {
            _onInterrupt = handler;
        }

        return new Scope(this);
    }

    /// <summary>Ctrl+C: cancels what <see cref="OnInterrupt"/> registered, if anything.</summary>
    public void Interrupt()
    {
        Action? handler;
        lock (_lock)
        {
            handler = _onInterrupt;
        }

        handler?.Invoke();
    }

    private sealed class Scope(ChatTerminal terminal) : IDisposable
    {
        public void Dispose()
        {
            lock (terminal._lock)
            {
                terminal._onInterrupt = null;
            }
        }
    }
}
