using System.Collections.Concurrent;

namespace Refold.Chat.Tests.Support;

/// <summary>The person's keyboard: lines the test types, in order; reading blocks until one comes or the input ends.</summary>
internal sealed class ScriptedInput : TextReader
{
    private readonly BlockingCollection<string> _lines = [];
    private readonly SemaphoreSlim _waiting = new(0);

    public void Type(params string[] lines)
    {
        foreach (var line in lines)
        {
            _lines.Add(line);
        }
    }

    /// <summary>Ctrl+D: the app reads the end of input.</summary>
    public void End() => _lines.CompleteAdding();

    /// <summary>Completes when the app asks for a line that has not been typed yet.</summary>
    public Task WaitForPromptAsync() => _waiting.WaitAsync();

    public override string? ReadLine()
    {
        if (_lines.Count == 0)
        {
            _waiting.Release();
        }

        return _lines.TryTake(out var line, Timeout.Infinite) ? line : null;
    }

    protected override void Dispose(bool disposing)
    {
        _lines.Dispose();
        _waiting.Dispose();
        base.Dispose(disposing);
    }
}
