using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Emulator;

namespace Refold.Chat.Tests.Support;

/// <summary>Reads and changes an emulator's records directly (Refold's REST API with the demo key), beside the chat.</summary>
internal sealed partial class EmulatorClient : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly RefoldClient _refold;

    public EmulatorClient(Uri baseUrl, string apiKey)
    {
        var services = new ServiceCollection();
        services.AddRefoldClient(o => o.BaseUrl = baseUrl);
        _provider = services.BuildServiceProvider();
        _refold = _provider.GetRequiredService<RefoldClientFactory>().Create(RefoldCredential.FromApiKey(apiKey));
    }

    /// <summary>The emulator embedded in the app's refold-mcp, found from the line refold-mcp prints when it starts.</summary>
    public static EmulatorClient FromBanner(string stderr) =>
        new(new Uri(Banner().Match(stderr) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"No emulator banner in: {stderr}")), EmulatorDefaults.ApiKey);

    public async Task<JsonElement> SendAsync(Operation operation, JsonObject arguments)
    {
        var answer = await _refold.SendAsync(operation, arguments);
        return JsonDocument.Parse(answer?.ToJsonString() ?? "null").RootElement.Clone();
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    [GeneratedRegex(@"refold-mcp: using the embedded Refold emulator at (\S+) ")]
    private static partial Regex Banner();
}
