using System.Text.Json.Nodes;

namespace Refold.Chat;

/// <summary><c>--transcript FILE</c>: one JSON object per line for each thing a turn did; secrets are masked before writing.</summary>
internal sealed class Transcript : IDisposable
{
    private readonly Lock _lock = new();
    private readonly StreamWriter? _writer;

    private Transcript(StreamWriter? writer) => _writer = writer;

    /// <summary>A transcript appending to <paramref name="path"/>, or one that writes nothing when it is null.</summary>
    public static Transcript Open(string? path)
    {
        if (path is null)
        {
            return new Transcript(null);
        }

        try
        {
            return new Transcript(new StreamWriter(path, append: true) { AutoFlush = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--transcript {path} cannot be written: {e.Message}");
        }
    }

    /// <summary>Writes <c>{"type": type, ...fields}</c>; string values and secret-named fields are masked.</summary>
    public void Write(string type, JsonObject fields)
    {
        if (_writer is null)
        {
            return;
        }

        var line = new JsonObject { ["type"] = type };
        foreach (var (name, value) in fields)
        {
            line[name] = SecretMask.Mask(value);
        }

        lock (_lock)
        {
            _writer.WriteLine(line.ToJsonString());
        }
    }

    public void Dispose() => _writer?.Dispose();
}
