using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Refold.Api.Catalog;
using Refold.Api.Tests.Contract;

namespace Refold.Emulator.Tests.Support;

/// <summary>
/// The success-response schemas of Refold's OpenAPI document (its facts as kept in the repository:
/// <see cref="RefoldContract"/>, where OpenAPI's <c>nullable: true</c> is already a <c>null</c> member of <c>type</c>)
/// as JSON Schemas: <c>$ref</c>s into <c>components/schemas</c> are resolved through <c>$defs</c>.
/// </summary>
internal static class OpenApiSchemas
{
    private static readonly Lazy<JsonObject> s_document = new(() => RefoldContract.Document);

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
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
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
}
