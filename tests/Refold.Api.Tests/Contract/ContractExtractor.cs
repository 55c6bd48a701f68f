using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Refold.Api.Tests.Contract;

/// <summary>
/// Extracts <see cref="RefoldContract"/>'s facts from Refold's OpenAPI document and operation list: keywords that
/// state a fact (types, formats, enums, required, references, ...) are kept, prose (descriptions, summaries, examples,
/// tags) is dropped; parameter references are resolved; OpenAPI's <c>nullable: true</c> becomes a <c>null</c> type.
/// </summary>
internal static class ContractExtractor
{
    private static readonly HashSet<string> s_copiedKeywords =
    [
        "type", "format", "enum", "const", "default", "required", "$ref", "pattern",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
    ];

    private static readonly HashSet<string> s_schemaKeywords = ["items", "additionalProperties", "not"];

    private static readonly HashSet<string> s_schemaListKeywords = ["allOf", "oneOf", "anyOf"];

    private static readonly string[] s_operationFacts =
        ["name", "method", "path", "auth", "readOnly", "destructive", "idempotent", "deprecated", "confidence", "successStatus"];

    private static readonly string[] s_parameterFacts = ["name", "in", "type", "required"];

    /// <summary>How the contract file is written (two-space indent, characters unescaped, a final newline).</summary>
    public static readonly JsonSerializerOptions FileFormat = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The contract of the document at <paramref name="openApiPath"/> and the list at <paramref name="operationsPath"/>.</summary>
    public static JsonObject Extract(string openApiPath, string operationsPath) => new()
    {
        ["generated_by"] = "scripts/update-contract.sh from refold-api/openapi.yaml and refold-api/operations.json",
        ["openapi"] = FromDocument(LoadDocument(openApiPath)),
        ["operations"] = FromList(JsonNode.Parse(File.ReadAllText(operationsPath))!.AsArray()),
    };

    /// <summary>The contract as the file holds it.</summary>
    public static string ToFileText(JsonObject contract) => contract.ToJsonString(FileFormat).ReplaceLineEndings("\n") + "\n";

    private static JsonObject FromDocument(JsonObject document)
    {
        var sharedParameters = document["components"]?["parameters"]?.AsObject();
        var paths = new JsonObject();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var methods = new JsonObject();
            foreach (var (method, operation) in item!.AsObject())
            {
                methods[method] = FromOperation(operation!.AsObject(), sharedParameters);
            }

            paths[path] = methods;
        }

        var schemas = new JsonObject();
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            schemas[name] = Schema(schema);
        }

        return new JsonObject { ["paths"] = paths, ["components"] = new JsonObject { ["schemas"] = schemas } };
    }

    private static JsonObject FromOperation(JsonObject operation, JsonObject? sharedParameters)
    {
        var result = new JsonObject();
        if (operation["parameters"] is JsonArray parameters)
        {
            result["parameters"] = new JsonArray([.. parameters.Select(p => Parameter(Resolve(p!.AsObject(), sharedParameters)))]);
        }

        if (operation["requestBody"] is JsonObject body)
        {
            result["requestBody"] = new JsonObject
            {
                ["required"] = body["required"]?.GetValue<bool>() ?? false,
                ["content"] = Content(body["content"]),
            };
        }

        var responses = new JsonObject();
        foreach (var (status, response) in operation["responses"]!.AsObject())
        {
            responses[status] = response?["content"] is JsonObject ? new JsonObject { ["content"] = Content(response["content"]) } : new JsonObject();
        }

        result["responses"] = responses;
        return result;
    }

    private static JsonObject Resolve(JsonObject parameter, JsonObject? sharedParameters) =>
        parameter["$ref"]?.GetValue<string>() is { } reference
            ? sharedParameters?[reference["#/components/parameters/".Length..]]?.AsObject() ?? throw new InvalidDataException($"Unresolved parameter reference {reference}")
            : parameter;

    private static JsonObject Parameter(JsonObject parameter) => new()
    {
        ["name"] = parameter["name"]!.DeepClone(),
        ["in"] = parameter["in"]!.DeepClone(),
        ["required"] = parameter["required"]?.GetValue<bool>() ?? false,
        ["schema"] = Schema(parameter["schema"]),
    };

    private static JsonObject Content(JsonNode? content)
    {
        var result = new JsonObject();
        foreach (var (mediaType, media) in content?.AsObject() ?? [])
        {
            result[mediaType] = media?["schema"] is { } schema ? new JsonObject { ["schema"] = Schema(schema) } : new JsonObject();
        }

        return result;
    }

    private static JsonNode? Schema(JsonNode? node)
    {
        if (node is not JsonObject source)
        {
            return node?.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (keyword, value) in source)
        {
            if (s_copiedKeywords.Contains(keyword))
            {
                result[keyword] = value?.DeepClone();
            }
            else if (s_schemaKeywords.Contains(keyword))
            {
                result[keyword] = Schema(value);
            }
            else if (s_schemaListKeywords.Contains(keyword))
            {
                result[keyword] = new JsonArray([.. value!.AsArray().Select(Schema)]);
            }
            else if (keyword == "properties")
            {
                var properties = new JsonObject();
                foreach (var (name, property) in value!.AsObject())
                {
                    properties[name] = Schema(property);
                }

                result[keyword] = properties;
            }
        }

        // OpenAPI 3.0's nullable, still used in Refold's 3.1 document, means "or null". Microsoft.OpenApi keeps
        // keywords it does not model under "unrecognizedKeywords".
        var nullable = source["nullable"] ?? source["unrecognizedKeywords"]?["nullable"];
        if (nullable is JsonValue n && n.GetValueKind() == JsonValueKind.True && result["type"] is JsonValue type)
        {
            result["type"] = new JsonArray(type.GetValue<string>(), "null");
        }

        return result;
    }

    private static JsonArray FromList(JsonArray list) => new([.. list.Select(entry =>
    {
        var operation = new JsonObject();
        foreach (var fact in s_operationFacts)
        {
            operation[fact] = entry![fact]?.DeepClone();
        }

        operation["paginated"] = entry!["pagination"] is { } pagination && pagination.GetValueKind() != JsonValueKind.Null;
        operation["params"] = new JsonArray([.. entry["params"]!.AsArray().Select(p => (JsonNode)new JsonObject(s_parameterFacts.Select(f => KeyValuePair.Create(f, p![f]?.DeepClone()))))]);
        return (JsonNode)operation;
    })]);

    private static JsonObject LoadDocument(string path)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = File.OpenRead(path);
        var result = OpenApiDocument.LoadAsync(stream, "yaml", settings).GetAwaiter().GetResult();
        var document = result.Document ?? throw new InvalidDataException($"{path} is not a readable OpenAPI document.");
        return JsonNode.Parse(document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult())!.AsObject();
    }
}
