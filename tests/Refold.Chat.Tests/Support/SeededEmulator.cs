using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Operations;
using Refold.Emulator;

namespace Refold.Chat.Tests.Support;

/// <summary>A fresh emulator seeded like the one refold-mcp --emulator embeds: what the demo org's records are.</summary>
internal static class SeededEmulator
{
    public static async Task<JsonElement> GetExecutionAsync(string executionId)
    {
        await using var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions());
        var services = new ServiceCollection();
        services.AddRefoldClient(o => o.BaseUrl = emulator.BaseUrl);
        await using var provider = services.BuildServiceProvider();
        var refold = provider.GetRequiredService<RefoldClientFactory>().Create(RefoldCredential.FromApiKey(emulator.ApiKey));
        var execution = await refold.SendAsync(Executions.GetExecution, new() { ["execution_id"] = executionId });
        return JsonDocument.Parse(execution!.ToJsonString()).RootElement.Clone();
    }
}
