namespace Refold.Mcp.Server.Tests.Support;

/// <summary>Waits for a condition another process brings about (a Redis restart, a replica noticing it), failing with what was awaited.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Not within {seconds} s: {what}.");
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 20) => TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
