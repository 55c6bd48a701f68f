using ModelContextProtocol;

namespace Refold.Chat;

/// <summary>What the person sees: tool-call lines, live progress, the streamed answer, problems, and questions.</summary>
internal sealed class ChatView(ChatTerminal terminal)
{
    private readonly Lock _lock = new();
    private bool _midLine;
    private bool _progressLine;
    private readonly Dictionary<string, double> _shownProgress = [];
    private string? _progressNode;

    public void Banner(string text) => Line(text);

    /// <summary>One line per tool call: its name and short arguments, secrets hidden.</summary>
    public void ToolCall(string name, IEnumerable<KeyValuePair<string, object?>> arguments) =>
        Line($"→ {name}({SecretMask.ShortArguments(arguments)})");

    public void ToolFailed(string name, string message) => Line($"  ✗ {name}: {SecretMask.MaskText(Shorten(message))}");

    /// <summary>
    /// A progress notification of the call <paramref name="token"/>. The client hands notifications over concurrently, so
    /// one older than what was already shown is skipped; at a terminal the line of the same node is rewritten in place.
    /// </summary>
    public void Progress(string token, ProgressNotificationValue value)
    {
        var text = value.Message is { Length: > 0 } m
            ? SecretMask.MaskText(m)
            : value.Total is { } t ? $"{value.Progress:0.##}/{t:0.##}" : $"{value.Progress:0.##}";
        var node = text.Split(':')[0];
        lock (_lock)
        {
            if (_shownProgress.TryGetValue(token, out var shown) && shown >= value.Progress)
            {
                return;
            }

            _shownProgress[token] = value.Progress;
            if (terminal.Interactive && _progressLine && _progressNode == node)
            {
                terminal.Output.Write($"\r\x1b[K  … {text}");
            }
            else
            {
                EndLine();
                terminal.Output.Write($"  … {text}");
                _midLine = true;
            }

            _progressLine = true;
            _progressNode = node;
            terminal.Output.Flush();
        }
    }

    /// <summary>A piece of the model's answer, written as it arrives.</summary>
    public void Answer(string text)
    {
        lock (_lock)
        {
            if (_progressLine)
            {
                EndLine();
            }

            terminal.Output.Write(text);
            _midLine = !text.EndsWith('\n');
            terminal.Output.Flush();
        }
    }

    /// <summary>Ends the turn's output with a line break.</summary>
    public void EndTurn()
    {
        lock (_lock)
        {
            EndLine();
            terminal.Output.Flush();
        }
    }

    public void Problem(string message)
    {
        lock (_lock)
        {
            EndLine();
            terminal.Errors.WriteLine($"! {SecretMask.MaskText(message)}");
            terminal.Errors.Flush();
        }
    }

    /// <summary>A message refold-mcp addressed to the person (its stderr lines starting with "refold-mcp:").</summary>
    public void ServerMessage(string line)
    {
        lock (_lock)
        {
            EndLine();
            terminal.Errors.WriteLine(SecretMask.MaskText(line));
            terminal.Errors.Flush();
        }
    }

    public void Note(string message) => Line($"({message})");

    /// <summary>The interactive prompt; null at the end of input.</summary>
    public string? ReadRequest()
    {
        lock (_lock)
        {
            EndLine();
            if (terminal.Interactive)
            {
                terminal.Output.Write("> ");
                terminal.Output.Flush();
            }
        }

        return terminal.Input.ReadLine();
    }

    /// <summary>Asks a question and reads the answer line; null at the end of input.</summary>
    public string? Ask(string question)
    {
        lock (_lock)
        {
            EndLine();
            terminal.Output.Write(question);
            terminal.Output.Write(' ');
            terminal.Output.Flush();
            _midLine = true;
        }

        var answer = terminal.Input.ReadLine();
        lock (_lock)
        {
            // The person's Enter ended the line; a scripted answer did not.
            if (!terminal.Interactive)
            {
                terminal.Output.WriteLine(answer ?? "");
            }

            _midLine = false;
        }

        return answer;
    }

    private void Line(string text)
    {
        lock (_lock)
        {
            EndLine();
            terminal.Output.WriteLine(text);
            terminal.Output.Flush();
        }
    }

    private void EndLine()
    {
        if (_midLine)
        {
            terminal.Output.WriteLine();
            _midLine = false;
        }

        _progressLine = false;
        _progressNode = null;
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : string.Concat(line.AsSpan(0, 299), "…");
    }
}
