using System.Text;

namespace Refold.Mcp.Server.Tests.Hosting;

/// <summary>A stderr that does not take a line until released, like a pipe nobody reads: says when the first write started.</summary>
internal sealed class BlockingWriter : TextWriter
{
    private readonly ManualResetEventSlim _released = new();
    private readonly StringWriter _written = new();

    /// <summary>Completes when the first line's write has started (and is held).</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first line has been taken.</summary>
    public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines => [.. _written.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)];

    public void Release() => _released.Set();

    public override void Write(char value) => _written.Write(value);

    public override void WriteLine(string? value)
    {
        Entered.TrySetResult();
        _released.Wait();
        _written.WriteLine(value);
        Written.TrySetResult();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _released.Dispose();
            _written.Dispose();
        }

        base.Dispose(disposing);
    }
}
