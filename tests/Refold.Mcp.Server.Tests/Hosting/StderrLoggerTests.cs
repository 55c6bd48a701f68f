using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Refold.Mcp.Server.Hosting;

namespace Refold.Mcp.Server.Tests.Hosting;

/// <summary>
/// The server's stderr log lines: one per entry, levels filtered by the logging builder, none lost or torn; queued, so
/// a stderr nobody reads never blocks the caller, dropped lines are counted, and disposing writes what is queued.
/// </summary>
public sealed class StderrLoggerTests
{
    private readonly StringWriter _stderr = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 14, 5, 9, 42, TimeSpan.Zero));
    private StderrLoggerProvider? _provider;

    [Fact]
    public void Log_WarningWithException_OneLineWithTimeLevelCategoryAndException()
    {
        using var logs = Factory(LogLevel.Warning);

        logs.CreateLogger("Refold.Mcp.Server").LogWarning(new EventId(7), new InvalidOperationException("upstream\nwent away"), "Call to {Tool} failed", "get_linked_account");

        var line = Assert.Single(Lines());
        Assert.StartsWith("14:05:09.042 warn: Refold.Mcp.Server[7] Call to get_linked_account failed System.InvalidOperationException: upstream went away", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        using var logs = Factory(LogLevel.Warning);
        var logger = logs.CreateLogger("Refold.Api");

        logger.LogInformation("not shown");
        logger.LogDebug("not shown either");
        logger.LogError("shown");

        Assert.Equal(["14:05:09.042 fail: Refold.Api[0] shown"], Lines());
    }

    [Fact]
    public async Task Log_ManyThreadsAtOnce_EveryLineWholeAndPresent()
    {
        using var logs = Factory(LogLevel.Information);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            var logger = logs.CreateLogger($"Thread{thread}");
            for (var i = 0; i < 200; i++)
            {
                logger.LogInformation("entry {Entry} of thread {Thread}", i, thread);
            }
        })));

        var lines = Lines();
        Assert.Equal(1600, lines.Count);
        Assert.All(lines, l => Assert.Matches(@"^14:05:09\.042 info: Thread(\d)\[0\] entry \d+ of thread \1$", l));
        Assert.Equal(1600, lines.Distinct().Count());
    }

    [Fact]
    public async Task Log_StderrNotRead_CallerNotBlockedOldestDroppedAndCountedOnceItMoves()
    {
        using var sink = new BlockingWriter();
        var provider = new StderrLoggerProvider(sink, _clock, capacity: 4);
        var logger = provider.CreateLogger("Refold.Mcp.Server");
        logger.LogInformation("line 0");
        await sink.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Held on line 0: ten more lines must return at once (a guard, not a measurement: a blocked caller never finishes).
        await Task.Run(() =>
        {
            for (var i = 1; i <= 10; i++)
            {
                logger.LogInformation("line {Line}", i);
            }
        }).WaitAsync(TimeSpan.FromSeconds(30));
        sink.Release();
        provider.Dispose();

        Assert.Equal(
        [
            "14:05:09.042 info: Refold.Mcp.Server[0] line 0",
            "14:05:09.042 warn: StderrLog[0] 6 log lines dropped: stderr was not read fast enough (at most 4 lines wait).",
            "14:05:09.042 info: Refold.Mcp.Server[0] line 7",
            "14:05:09.042 info: Refold.Mcp.Server[0] line 8",
            "14:05:09.042 info: Refold.Mcp.Server[0] line 9",
            "14:05:09.042 info: Refold.Mcp.Server[0] line 10",
        ], sink.Lines);
    }

    [Fact]
    public void Dispose_LinesQueued_EveryLineWrittenBeforeItReturns()
    {
        var provider = new StderrLoggerProvider(_stderr, _clock);
        var logger = provider.CreateLogger("Refold.Mcp.Server");
        for (var i = 0; i < 500; i++)
        {
            logger.LogError("fatal {Line}", i);
        }

        provider.Dispose();

        var lines = Lines();
        Assert.Equal(500, lines.Count);
        Assert.Equal("14:05:09.042 fail: Refold.Mcp.Server[0] fatal 499", lines[^1]);
    }

    [Fact]
    public async Task Dispose_SinkNeverMoves_ReturnsAfterTheFlushTimeoutAndTheLineFollowsOnRelease()
    {
        using var sink = new BlockingWriter();
        var provider = new StderrLoggerProvider(sink, _clock, flushTimeout: TimeSpan.Zero);
        provider.CreateLogger("Refold.Mcp.Server").LogWarning("listening");
        await sink.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await Task.Run(provider.Dispose).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(sink.Lines);
        sink.Release();

        await sink.Written.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["14:05:09.042 warn: Refold.Mcp.Server[0] listening"], sink.Lines);
    }

    private ILoggerFactory Factory(LogLevel minimum) => LoggerFactory.Create(b =>
    {
        _provider = new StderrLoggerProvider(TextWriter.Synchronized(_stderr), _clock);
        b.AddProvider(_provider);
        b.SetMinimumLevel(minimum);
    });

    /// <summary>What reached stderr, once every queued line is written (the provider of <see cref="Factory"/>, if any, disposed first).</summary>
    private List<string> Lines()
    {
        _provider?.Dispose();
        return [.. _stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)];
    }
}
