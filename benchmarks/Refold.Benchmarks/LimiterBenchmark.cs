using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Operations;

namespace Refold.Benchmarks;

/// <summary>
/// Measures the real rate of the shared per-org limiter on the wall clock: 200 requests from 20 concurrent callers
/// through the full client pipeline (one API key, so one bucket). Expected: 5 at once, then 20 per second, so the last
/// request starts after (200 - 5) / 20 = 9.75 s, and no window of t seconds sees more than 5 + 20t starts.
/// </summary>
internal static class LimiterBenchmark
{
    private const int Requests = 200;
    private const int Callers = 20;

    public static async Task<int> RunAsync()
    {
        var starts = new List<double>(Requests);
        var clock = Stopwatch.StartNew();
        var handler = new RecordingHandler(() =>
        {
            lock (starts)
            {
                starts.Add(clock.Elapsed.TotalSeconds);
            }
        });

        var services = new ServiceCollection();
        services.AddRefoldClient(o =>
        {
            o.BaseUrl = new Uri("http://127.0.0.1:9/");

            // Refold's exact limit: this measures the bucket itself, not the headroom below it.
            o.Headroom = 0;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<RefoldClientFactory>();

        // Warm the pipeline (JIT) with another org's key, so the measured org's first requests are not delayed between
        // its limiter and the handler; then forget those starts.
        await factory.Create(RefoldCredential.FromApiKey("tk_warmup")).SendAsync(Applications.ListApplications);
        starts.Clear();

        clock.Restart();
        var callers = Enumerable.Range(0, Callers).Select(async _ =>
        {
            var client = factory.Create(RefoldCredential.FromApiKey("tk_benchmark"));
            for (var i = 0; i < Requests / Callers; i++)
            {
                await client.SendAsync(Applications.ListApplications);
            }
        });
        await Task.WhenAll(callers);

        starts.Sort();
        var last = starts[^1] - starts[0];
        var expected = (Requests - 5) / 20.0;
        var worstExcess = WorstWindowExcess(starts);
        Console.WriteLine($"requests: {starts.Count}, callers: {Callers}");
        Console.WriteLine($"first start to last start: {last:F3} s (expected {expected:F2} s, deviation {(last - expected) / expected:P2})");
        Console.WriteLine($"achieved rate after the burst: {(starts.Count - 5) / last:F2} requests/s");
        Console.WriteLine($"worst window: {worstExcess.Count} starts in {worstExcess.Seconds:F3} s, allowed {5 + 20 * worstExcess.Seconds:F4} (excess {worstExcess.Excess:F4} requests = {worstExcess.Excess / 20 * 1000:F3} ms early)");
        // Starts are read from the wall clock in the handler; allow 1 ms of clock and scheduling resolution (0.02 request).
        var ok = Math.Abs(last - expected) / expected <= 0.05 && worstExcess.Excess <= 20 * 0.001;
        Console.WriteLine(ok ? "PASS: within 5 % of 9.75 s and no window above 5 + 20t (1 ms resolution)" : "FAIL");
        return ok ? 0 : 1;
    }

    // For every pair of starts i <= j, (j - i + 1) starts happened in a window of (t_j - t_i) seconds.
    private static (int Count, double Seconds, double Excess) WorstWindowExcess(List<double> starts)
    {
        var worst = (Count: 0, Seconds: 0.0, Excess: double.MinValue);
        for (var i = 0; i < starts.Count; i++)
        {
            for (var j = i; j < starts.Count; j++)
            {
                var seconds = starts[j] - starts[i];
                var excess = (j - i + 1) - (5 + (20 * seconds));
                if (excess > worst.Excess)
                {
                    worst = (j - i + 1, seconds, excess);
                }
            }
        }

        return worst;
    }

    private sealed class RecordingHandler(Action onStart) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onStart();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") });
        }
    }
}
