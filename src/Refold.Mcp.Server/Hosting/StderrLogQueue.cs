using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// The lines of <see cref="StderrLoggerProvider"/> on their way to stderr: <see cref="Add"/> never waits for the
/// sink, so a client that stops reading the server's stderr cannot block the server once the pipe is full. At most
/// <c>capacity</c> lines wait; when full the oldest is dropped and counted, and the writer says how many before the next
/// lines it writes. One writer at a time drains the queue on the thread pool, scheduled by the first line after the
/// queue ran empty (no thread waits while nothing is logged); <see cref="Dispose"/> and process exit wait for what is
/// queued to be written, at most the flush timeout for a sink that does not move.
/// </summary>
/// <remarks>
/// A pipe or terminal on stderr is written through a stream of its own, not <see cref="Console.Error"/>: on Unix every
/// console stream write (stdout's too) takes one lock, so a write stuck on a full stderr pipe would hold the stdio
/// protocol's stdout as well. A file on stderr cannot fill, and is written through <see cref="Console.Error"/>.
/// </remarks>
internal sealed class StderrLogQueue : IDisposable
{
    public const int DefaultCapacity = 4096;

    /// <summary>The category of the line that counts dropped lines.</summary>
    public const string Category = "StderrLog";

    private static readonly TimeSpan DefaultFlushTimeout = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private readonly Queue<string> _lines = new();
    private TextWriter? _writer;
    private readonly TimeProvider _clock;
    private readonly int _capacity;
    private readonly TimeSpan _flushTimeout;
    private long _dropped;
    private bool _draining;
    private bool _hooked;

    /// <param name="writer">Null for the process's stderr (opened by the first write).</param>
    public StderrLogQueue(TextWriter? writer, TimeProvider clock, int capacity = DefaultCapacity, TimeSpan? flushTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _writer = writer;
        _clock = clock;
        _capacity = capacity;
        _flushTimeout = flushTimeout ?? DefaultFlushTimeout;
    }

    /// <summary>Queues one line; never waits for the sink.</summary>
    public void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count >= _capacity)
            {
                _lines.Dequeue();
                _dropped++;
            }

            _lines.Enqueue(line);
            if (!_hooked)
            {
                // A process that ends without disposing its services still writes its last lines.
                _hooked = true;
                AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            }

            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static queue => queue.Drain(), this, preferLocal: false);
    }

    /// <summary>Waits until every queued line is written, at most the flush timeout (a sink that does not move keeps the rest).</summary>
    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        var start = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            while (_draining)
            {
                var left = _flushTimeout - Stopwatch.GetElapsedTime(start);
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// File descriptor 2 as a plain stream on Unix when it is a pipe or a terminal (see the remarks);
    /// <see cref="Console.Error"/> on Windows, whose console writes take no shared lock, and when stderr is a file: a
    /// stream of its own keeps its own position in a seekable file, so it and <see cref="Console.Error"/> (the
    /// fatal-error line, the CLI's progress) would write over each other's lines, and a file never fills like a pipe.
    /// </summary>
    /// <remarks>A process started with stderr closed logs nowhere instead of failing.</remarks>
    private static TextWriter OpenStderr()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.Error;
        }

        try
        {
            var stream = new FileStream(new SafeFileHandle(2, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (stream.CanSeek)
            {
                stream.Dispose();
                return Console.Error;
            }

            return new StreamWriter(stream, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return TextWriter.Null;
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private void Drain()
    {
        while (true)
        {
            string[] batch;
            long dropped;
            lock (_gate)
            {
                if (_lines.Count == 0)
                {
                    _draining = false;
                    Monitor.PulseAll(_gate);
                    return;
                }

                batch = [.. _lines];
                _lines.Clear();
                dropped = _dropped;
                _dropped = 0;
            }

            Write(batch, dropped);
        }
    }

    /// <remarks>Each line is flushed on its own: one write of a short line, never torn by another writer of stderr (the CLI's progress lines).</remarks>
    private void Write(string[] lines, long dropped)
    {
        try
        {
            var writer = _writer ??= OpenStderr();
            if (dropped > 0)
            {
                writer.WriteLine(StderrLogger.Format(_clock.GetUtcNow(), LogLevel.Warning, Category, 0,
                    $"{dropped} log lines dropped: stderr was not read fast enough (at most {_capacity} lines wait)."));
                writer.Flush();
            }

            foreach (var line in lines)
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // stderr is gone (a closed pipe): there is nowhere left to say so.
        }
    }
}
