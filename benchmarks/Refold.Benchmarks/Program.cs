using Refold.Benchmarks;

var name = args.FirstOrDefault() ?? "limiter";
return name switch
{
    "limiter" => await LimiterBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/Refold.Benchmarks -- limiter");
    return 2;
}
