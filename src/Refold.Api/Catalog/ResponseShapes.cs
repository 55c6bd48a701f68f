using System.Text.Json.Nodes;

namespace Refold.Api.Catalog;

/// <summary>
/// The JSON shape of each documented operation's success response, by operation name: generated from Refold's
/// document (through the in-repo contract) into <c>response-shapes.json</c> by <c>scripts/update-contract.sh</c>, kept
/// small (top-level type, identifiers, names, states, page counts and the list member's items), facts only. A test
/// holds the file to the contract.
/// </summary>
public static class ResponseShapes
{
    private static readonly Lazy<JsonObject> s_shapes = new(Load);

    /// <summary>Every shape, by operation name.</summary>
    public static JsonObject All => s_shapes.Value;

    /// <summary>The documented shape of <paramref name="operationName"/>'s response, or null when Refold documents none (a copy).</summary>
    public static JsonObject? For(string operationName) => All[operationName]?.DeepClone().AsObject();

    private static JsonObject Load()
    {
        using var stream = typeof(ResponseShapes).Assembly.GetManifestResourceStream("Refold.Api.Catalog.response-shapes.json")
            ?? throw new InvalidOperationException("response-shapes.json is not embedded in Refold.Api.");
        return JsonNode.Parse(stream)!["shapes"]!.AsObject();
    }
}
