// Lists the applications of a Refold org with the typed client, and shows what a failure looks like.
//   REFOLD_API_KEY=tk... [REFOLD_BASE_URL=http://127.0.0.1:5080] dotnet run --project examples/ClientQuickstart
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;

var apiKey = Environment.GetEnvironmentVariable("REFOLD_API_KEY");
if (string.IsNullOrWhiteSpace(apiKey))
{
    Console.Error.WriteLine("Set REFOLD_API_KEY (and REFOLD_BASE_URL for the emulator).");
    return 2;
}

var services = new ServiceCollection();
services.AddRefoldClient(o =>
{
    if (Environment.GetEnvironmentVariable("REFOLD_BASE_URL") is { Length: > 0 } baseUrl)
    {
        o.BaseUrl = new Uri(baseUrl);
    }
});
await using var provider = services.BuildServiceProvider();
var refold = provider.GetRequiredService<RefoldClientFactory>().Create(RefoldCredential.FromApiKey(apiKey));

try
{
    var apps = await refold.SendAsync(Applications.ListApplications);
    foreach (var app in apps?.AsArray() ?? [])
    {
        Console.WriteLine($"{app?["slug"]}\t{app?["name"]}");
    }

    return 0;
}
catch (RefoldApiException e)
{
    Console.Error.WriteLine($"{e.Error.Kind} ({e.Error.StatusCode}): {e.Error.Message}");
    if (e.Error.Hint is { } hint)
    {
        Console.Error.WriteLine($"hint: {hint}");
    }

    return 1;
}
