using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Emulator;
using Refold.Emulator.Core;

namespace Refold.Benchmarks;

/// <summary>
/// One org driven through its API key and its session tokens at once, against the emulator on 127.0.0.1 with Refold's
/// limit on (20/s, bursts of 5; the emulator counts the 429s it answers). Half the callers hold the org key, half a
/// session token of one of the org's linked accounts; each alternates a read and a write (set_variable_value) as
/// fast as the client's shared bucket lets it, for the given seconds. Reports the emulator's 429s, failed calls,
/// goodput against the client's configured rate, and call latency p50/p99.
/// </summary>
internal static class MixedLoadBenchmark
{
    public static async Task<int> RunAsync(double headroom, int callers, int seconds)
    {
        await using var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions());
        var services = new ServiceCollection();
        services.AddRefoldClient(o =>
        {
            o.BaseUrl = emulator.BaseUrl;
            o.Headroom = headroom;
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<RefoldClientFactory>();
        var options = provider.GetRequiredService<RefoldOptions>();

        // Setup through the key (its answers teach the client the key's org): accounts, a variable, one token each.
        var key = factory.Create(RefoldCredential.FromApiKey(emulator.ApiKey));
        var accounts = ((JsonArray)(await key.SendAsync(LinkedAccounts.ListLinkedAccounts))!["docs"]!).Select(a => (string)a!["account_id"]!).ToList();
        var definition = (string)((JsonArray)(await key.SendAsync(EnvironmentVariables.ListVariableDefinitions))!["docs"]!)
            .First(d => (string?)d!["var_format"] == "url")!["_id"]!;
        var tokens = new List<string>();
        foreach (var account in accounts)
        {
            tokens.Add((string)(await key.SendAsync(SessionTokens.GenerateSessionToken, new() { ["linked_account_id"] = account }))!["token"]!);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var limiter = emulator.Services.GetRequiredService<RequestLimiter>();
        var refusedBefore = limiter.Refused;
        var latencies = new List<double>();
        var failures = 0;
        var stop = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();

        var load = Enumerable.Range(0, callers).Select(async i =>
        {
            var account = accounts[i % accounts.Count];
            var onKey = i % 2 == 0;
            var client = onKey
                ? factory.Create(RefoldCredential.FromApiKey(emulator.ApiKey, account))
                : factory.Create(RefoldCredential.FromSessionToken(tokens[i % tokens.Count]));
            for (var n = 0; clock.Elapsed < stop; n++)
            {
                var started = clock.Elapsed;
                try
                {
                    if (n % 2 == 0)
                    {
                        await client.SendAsync(onKey ? Applications.ListApplications : LinkedAccounts.GetActiveLinkedAccount);
                    }
                    else
                    {
                        await client.SendAsync(EnvironmentVariables.SetVariableValue, new()
                        {
                            ["variable_definition_id"] = definition,
                            ["value"] = $"https://erp.example/{i}/{n}",
                            ["linked_account_id"] = account,
                        });
                    }

                    lock (latencies)
                    {
                        latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                    }
                }
                catch (RefoldApiException e)
                {
                    Interlocked.Increment(ref failures);
                    Console.Error.WriteLine($"failed: {e.Error.Kind}: {e.Error.Message}");
                }
            }
        });
        await Task.WhenAll(load);
        var elapsed = clock.Elapsed.TotalSeconds;

        latencies.Sort();
        var rate = options.EffectivePermitsPerSecond;
        var goodput = latencies.Count / elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"headroom {headroom}: client {rate}/s burst {options.EffectiveBurst}; {callers} callers ({callers / 2} on the key, {callers - callers / 2} on {tokens.Count} session tokens), {elapsed:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  emulator 429s: {limiter.Refused - refusedBefore}; calls ok: {latencies.Count}, failed: {failures}; goodput {goodput:F2}/s = {goodput / rate:P1} of {rate}/s; p50 {Percentile(latencies, 0.5):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms"));
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
