using System.Text.Json.Nodes;

namespace Refold.Emulator.Tests.Support;

/// <summary>Short JSON readers for assertions.</summary>
internal static class Js
{
    public static string? S(this JsonNode? node, string key) => node?[key]?.GetValue<string>();

    public static JsonArray A(this JsonNode? node, string key) => node?[key] as JsonArray ?? throw new Xunit.Sdk.XunitException($"'{key}' is not an array in {node?.ToJsonString()}");

    public static JsonObject O(params (string Key, JsonNode? Value)[] members)
    {
        var o = new JsonObject();
        foreach (var (key, value) in members)
        {
            o[key] = value;
        }

        return o;
    }
}

internal static class JsonObjectExtensions
{
    /// <summary>Changes the object and returns it, for inline variations of a body.</summary>
    public static System.Text.Json.Nodes.JsonObject Also(this System.Text.Json.Nodes.JsonObject o, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        change(o);
        return o;
    }
}
