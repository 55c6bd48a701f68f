using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Refold.Mcp.Server.Hosting;

namespace Refold.Mcp.Server.Tests.Hosting;

/// <summary>The server's stderr log lines: one per entry, levels filtered by the logging builder, none lost or torn.</summary>
public sealed class StderrLoggerTests
{
    private readonly StringWriter _stderr = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 14, 5, 9, 42, TimeSpan.Zero));

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

    private ILoggerFactory Factory(LogLevel minimum) => LoggerFactory.Create(b =>
    {
        b.AddProvider(new StderrLoggerProvider(TextWriter.Synchronized(_stderr), _clock));
        b.SetMinimumLevel(minimum);
    });

    private List<string> Lines() => [.. _stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)];
}
