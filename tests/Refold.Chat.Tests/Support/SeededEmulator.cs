using System.Text.Json;
using Refold.Api.Operations;
using Refold.Emulator;

namespace Refold.Chat.Tests.Support;

/// <summary>A fresh emulator seeded like the one refold-mcp --emulator embeds: what the demo org's records are.</summary>
internal static class SeededEmulator
{
    public static async Task<JsonElement> GetExecutionAsync(string executionId)
    {
        await using var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions());
        await using var refold = new EmulatorClient(emulator.BaseUrl, emulator.ApiKey);
        return await refold.SendAsync(Executions.GetExecution, new() { ["execution_id"] = executionId });
    }
}
