using Refold.Benchmarks;

var name = args.FirstOrDefault() ?? "limiter";
return name switch
{
    "limiter" => await LimiterBenchmark.RunAsync(),
    "mixed" => await MixedLoadBenchmark.RunAsync(
        double.Parse(args.ElementAtOrDefault(1) ?? "0.1", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(args.ElementAtOrDefault(2) ?? "100", System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(args.ElementAtOrDefault(3) ?? "20", System.Globalization.CultureInfo.InvariantCulture)),
    "redis" => await RedisCostBenchmark.RunAsync(args.ElementAtOrDefault(1) ?? "127.0.0.1:6390"),
    "sessions" => await SessionsBenchmark.RunAsync(int.TryParse(args.ElementAtOrDefault(1), out var tokens) ? tokens : 200),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/Refold.Benchmarks -- limiter | mixed [HEADROOM [CALLERS [SECONDS]]] | sessions [TOKENS] | redis [CONNECTION]");
    return 2;
}
