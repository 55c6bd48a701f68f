using System.Text.Json.Serialization;

namespace Refold.Emulator.State;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StateFile))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
