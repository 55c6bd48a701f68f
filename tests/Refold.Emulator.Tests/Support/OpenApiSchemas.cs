using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Refold.Api.Catalog;
using Refold.Api.Tests.Support;

namespace Refold.Emulator.Tests.Support;

/// <summary>
/// The success-response schemas of Refold's OpenAPI document as JSON Schemas: <c>$ref</c>s into
/// <c>components/schemas</c> are resolved through <c>$defs</c>, and OpenAPI's <c>nullable: true</c> becomes a
/// <c>null</c> member of <c>type</c>.
/// </summary>
internal static class OpenApiSchemas
{
    private static readonly Lazy<JsonObject> s_document = new(Load);

    /// <summary>The schema of <paramref name="operation"/>'s documented success response, or null when the document gives none.</summary>
    public static JsonSchema? ResponseOf(Operation operation)
    {
        var path = s_document.Value["paths"]?[operation.Route]?[operation.Method.Method.ToLowerInvariant()];
        var schema = path?["responses"]?[operation.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"];
        if (schema is not JsonObject found)
        {
            return null;
        }

        // OpenAPI 3.1 schemas are draft 2020-12, which tolerates OpenAPI's extra keywords (example, discriminator, ...).
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema" };
        foreach (var (key, value) in found)
        {
            root[key] = value?.DeepClone();
        }

        root["$defs"] = s_document.Value["components"]!["schemas"]!.DeepClone();
        var text = Normalise(root).ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://refold.test/schemas/{operation.Name}"));
    }

    /// <summary>The validation errors of <paramref name="instance"/> (empty when it is valid).</summary>
    public static List<string> Errors(JsonSchema schema, JsonNode? instance)
    {
        using var doc = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var errors = new List<string>();
        Collect(result, errors);
        return result.IsValid ? [] : errors.Count > 0 ? errors : ["invalid (no detail reported)"];
    }

    private static void Collect(EvaluationResults result, List<string> errors)
    {
        foreach (var (keyword, message) in result.Errors ?? new Dictionary<string, string>())
        {
            errors.Add($"{result.InstanceLocation}: {keyword}: {message}");
        }

        foreach (var detail in result.Details ?? [])
        {
            Collect(detail, errors);
        }
    }

    // OpenAPI 3.0's nullable keyword, still used in Refold's 3.1 document, means "or null".
    private static JsonNode Normalise(JsonNode node)
    {
        if (node is JsonObject o)
        {
            // Microsoft.OpenApi keeps keywords it does not model (nullable among them) under "unrecognizedKeywords".
            var nullable = o["nullable"] ?? o["unrecognizedKeywords"]?["nullable"];
            if (nullable is JsonValue n && n.GetValueKind() == JsonValueKind.True && o["type"] is JsonValue t)
            {
                o["type"] = new JsonArray(t.GetValue<string>(), "null");
            }

            o.Remove("nullable");
            o.Remove("unrecognizedKeywords");

            foreach (var (_, child) in o.ToList())
            {
                if (child is not null)
                {
                    Normalise(child);
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.Where(c => c is not null))
            {
                Normalise(child!);
            }
        }

        return node;
    }

    private static JsonObject Load()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = File.OpenRead(SharedFiles.RefoldApi("openapi.yaml"));
        var document = OpenApiDocument.LoadAsync(stream, "yaml", settings).GetAwaiter().GetResult().Document!;
        var json = document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();
        return (JsonObject)JsonNode.Parse(json)!;
    }
}
