using System.Text.Json.Nodes;
using Refold.Api.Catalog;

namespace Refold.Api.Tests.Contract;

/// <summary>
/// Derives <c>src/Refold.Api/Catalog/response-shapes.json</c> (<see cref="ResponseShapes"/>) from the in-repo
/// contract: for every catalog operation Refold documents, the JSON shape of its success response, kept small. Each
/// shape says the top-level type and, of an object, the members an agent chains on (the identifiers it passes on,
/// states, values, the list member of a page), each with its type; the list member's items are shaped the same way.
/// Members that only echo, label or acknowledge (name, message, success, slug, flags) are left out, and so are a page's counts
/// (totalDocs, hasNextPage) and a record's <c>_id</c>: the server instructions say once that paged lists have the counts
/// and records their <c>_id</c> (an <c>id</c> member, the exception, is kept).
/// Nothing else of the document is copied: no nested records, no prose.
/// </summary>
internal static class ResponseShapeExtractor
{
    private static readonly HashSet<string> s_listMembers = ["docs", "rows", "items", "data"];

    private static readonly HashSet<string> s_keptMembers =
    [
        "id", "account_id", "execution_id", "workflow_id", "status",
        "token", "value", "url", "return_value", "status_code",
    ];

    /// <summary>Where the product keeps the shapes.</summary>
    public static string FilePath => Path.Combine(Support.SharedFiles.RepositoryRoot, "src", "Refold.Api", "Catalog", "response-shapes.json");

    /// <summary>The shapes of every documented catalog operation, by operation name, in catalog order.</summary>
    public static JsonObject Extract()
    {
        var shapes = new JsonObject();
        foreach (var operation in RefoldCatalog.Operations)
        {
            if (SuccessSchema(operation) is { } schema)
            {
                shapes[operation.Name] = Shape(schema, listItems: true);
            }
        }

        return new JsonObject
        {
            ["generated_by"] = "scripts/update-contract.sh from tests/Refold.Api.Tests/Contract/refold-contract.json",
            ["shapes"] = shapes,
        };
    }

    public static string ToFileText(JsonObject shapes) => shapes.ToJsonString(ContractExtractor.FileFormat).ReplaceLineEndings("\n") + "\n";

    /// <summary>
    /// The documented JSON body of <paramref name="operation"/>'s declared success status, else of the first 2xx the
    /// document gives; null when Refold documents no JSON body (or not the operation).
    /// </summary>
    public static JsonNode? SuccessSchema(Operation operation)
    {
        if (RefoldContract.Document["paths"]![operation.Route]?[operation.Method.Method.ToLowerInvariant()] is not JsonObject documented)
        {
            return null;
        }

        var responses = documented["responses"]!.AsObject();
        var response = responses[operation.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?? responses.FirstOrDefault(r => r.Key.StartsWith('2')).Value;
        return response?["content"]?["application/json"]?["schema"];
    }

    private static JsonObject Shape(JsonNode? node, bool listItems)
    {
        var schema = Merged(RefoldContract.Resolve(node));
        var shape = new JsonObject();
        if (schema?["type"] is { } type)
        {
            shape["type"] = type.DeepClone();
        }
        else if (schema?["properties"] is not null)
        {
            shape["type"] = "object";
        }

        if (listItems && schema?["items"] is { } items && Shape(items, listItems: false) is { Count: > 0 } itemShape && itemShape.ContainsKey("properties"))
        {
            shape["items"] = itemShape;
        }

        if (schema?["properties"] is JsonObject members)
        {
            var kept = new JsonObject();
            foreach (var (name, member) in members)
            {
                if (s_listMembers.Contains(name) && listItems)
                {
                    kept[name] = Shape(member, listItems: true);
                }
                else if (s_keptMembers.Contains(name))
                {
                    kept[name] = Shape(member, listItems: false);
                }
            }

            if (kept.Count > 0)
            {
                shape["properties"] = kept;
            }
        }

        return shape;
    }

    // allOf parts merged into one object schema (Refold's pages are a page's counts plus the list member).
    private static JsonObject? Merged(JsonNode? schema)
    {
        if (schema is not JsonObject source || source["allOf"] is not JsonArray parts)
        {
            return schema as JsonObject;
        }

        var properties = new JsonObject();
        foreach (var part in parts)
        {
            if (Merged(RefoldContract.Resolve(part))?["properties"] is JsonObject partProperties)
            {
                foreach (var (name, member) in partProperties)
                {
                    properties[name] = member?.DeepClone();
                }
            }
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }
}
