using System.Text.Json.Nodes;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Contract;

/// <summary>
/// The facts of Refold's API kept in the repository (<c>refold-contract.json</c>, beside this file): from the OpenAPI
/// document the methods, paths, parameters, request bodies, success responses and component schemas; from
/// <c>operations.json</c> each operation's name, flags and parameters. No prose. The contract tests read it;
/// <see cref="ContractExtractor"/> regenerates it (<c>scripts/update-contract.sh</c>).
/// </summary>
internal static class RefoldContract
{
    private static readonly Lazy<JsonObject> s_contract = new(() => (JsonObject)JsonNode.Parse(File.ReadAllText(FilePath))!);

    /// <summary>Where the contract lives in the repository.</summary>
    public static string FilePath => Path.Combine(SharedFiles.RepositoryRoot, "tests", "Refold.Api.Tests", "Contract", "refold-contract.json");

    /// <summary>The document's part, shaped like an OpenAPI document: <c>paths</c> and <c>components.schemas</c>.</summary>
    public static JsonObject Document => s_contract.Value["openapi"]!.AsObject();

    /// <summary>The operation list's part: one object per operation.</summary>
    public static JsonArray Operations => s_contract.Value["operations"]!.AsArray();

    /// <summary>Every documented operation as (METHOD, path), in the document's order.</summary>
    public static IEnumerable<(string Method, string Path, JsonObject Operation)> DocumentedOperations() =>
        from path in Document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        select (method.Key.ToUpperInvariant(), path.Key, method.Value!.AsObject());

    /// <summary>The documented operation at <paramref name="method"/> <paramref name="path"/>.</summary>
    public static JsonObject Documented(string method, string path) => Document["paths"]![path]![method.ToLowerInvariant()]!.AsObject();

    /// <summary><paramref name="schema"/>, or the component schema it references (<c>$ref</c>).</summary>
    public static JsonNode? Resolve(JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(ComponentSchemas, StringComparison.Ordinal)
            ? Resolve(Document["components"]!["schemas"]![reference[ComponentSchemas.Length..]])
            : schema;

    private const string ComponentSchemas = "#/components/schemas/";
}
