using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The <c>fields</c> projection: every operation that only reads (its result is a record, a list of records or a
/// page of them) takes a <c>fields</c> argument naming the members to keep. Decided here, from the declaration, for
/// every tool that shows a schema (the tool itself, describe_operation, search_operations) and every call.
/// </summary>
public static class ResultShaping
{
    public const string FieldsArgument = "fields";
    private const int MaxFields = 50;

    /// <summary>True when <paramref name="declaration"/> takes <c>fields</c>: catalog operations that only read.</summary>
    public static bool Projects(ToolDeclaration declaration) => declaration is Operation { Hints.ReadOnly: true };

    /// <summary>
    /// The declaration's input schema plus, with <paramref name="withSharedArguments"/>, <c>dry_run</c> on writes
    /// (<see cref="DryRun"/>) and <c>fields</c> where it applies (a listed tool leaves both to the server instructions).
    /// </summary>
    public static JsonObject Schema(ToolDeclaration declaration, bool accountSupplied, bool withSharedArguments = true)
    {
        var schema = withSharedArguments && declaration is Operation operation ? DryRun.InputSchemaOf(operation, accountSupplied) : InputSchema.For(declaration, accountSupplied);
        if (withSharedArguments && Projects(declaration) && schema["properties"] is JsonObject properties && !properties.ContainsKey(FieldsArgument))
        {
            // What fields does is said once, in the server instructions.
            properties[FieldsArgument] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        }

        return schema;
    }

    /// <summary>
    /// Takes <c>fields</c> out of <paramref name="arguments"/> (it is never sent to Refold). Null when fine, with
    /// <paramref name="fields"/> null when none were asked for; else the error result naming the argument.
    /// </summary>
    public static CallToolResult? TakeFields(ToolDeclaration declaration, JsonObject arguments, out IReadOnlyList<string>? fields, out JsonObject sent)
    {
        fields = null;
        sent = arguments;
        if (!Projects(declaration) || arguments[FieldsArgument] is not { } node)
        {
            return null;
        }

        if (node is not JsonArray { Count: > 0 and <= MaxFields } array
            || array.Any(i => i?.GetValueKind() != JsonValueKind.String || i.GetValue<string>().Length == 0))
        {
            return CatalogArguments.Invalid(declaration.Name, FieldsArgument,
                $"'{FieldsArgument}' must be an array of 1 to {MaxFields} member names (strings, dotted for nested members), got {ArgumentValidator.Clip(node.ToJsonString())}");
        }

        fields = [.. array.Select(i => i!.GetValue<string>())];
        sent = (JsonObject)arguments.DeepClone();
        sent.Remove(FieldsArgument);
        return null;
    }

    /// <summary>
    /// <paramref name="result"/> with only <paramref name="fields"/> in each record. Names no record has are listed
    /// under <c>unmatched_fields</c> (an array result then comes as <c>{items, unmatched_fields}</c>).
    /// </summary>
    public static JsonNode? Project(JsonNode? result, IReadOnlyList<string>? fields, Operation operation)
    {
        if (fields is null || result is null)
        {
            return result;
        }

        var matched = new HashSet<string>(StringComparer.Ordinal);
        var records = ListOf(result, operation);
        JsonNode projected;
        if (records is not null)
        {
            var items = new JsonArray([.. records.Select(r => r is JsonObject record ? Pick(record, fields, matched) : r?.DeepClone())]);
            if (result is JsonObject page)
            {
                var copy = (JsonObject)page.DeepClone();
                copy[ListName(operation)!] = items;
                projected = copy;
            }
            else
            {
                projected = items;
            }
        }
        else
        {
            projected = result is JsonObject record ? Pick(record, fields, matched) : result.DeepClone();
        }

        var unmatched = fields.Where(f => !matched.Contains(f)).ToList();
        if (unmatched.Count == 0)
        {
            return projected;
        }

        var annotated = projected as JsonObject ?? new JsonObject { ["items"] = projected };
        annotated["unmatched_fields"] = new JsonArray([.. unmatched.Select(f => (JsonNode?)f)]);
        return annotated;
    }

    /// <summary>The records of a list result: a plain array, or the items of a page.</summary>
    private static JsonArray? ListOf(JsonNode result, Operation operation) => result switch
    {
        JsonArray array => array,
        JsonObject page when ListName(operation) is { } name => page[name] as JsonArray,
        _ => null,
    };

    /// <summary>The member holding a page's items (<c>docs</c> or <c>rows</c>), or null for an operation that is not paged.</summary>
    public static string? ListName(Operation operation) => operation.Pagination switch
    {
        Pagination.Docs => "docs",
        Pagination.Rows => "rows",
        _ => null,
    };

    private static JsonObject Pick(JsonObject record, IReadOnlyList<string> fields, HashSet<string> matched)
    {
        var picked = new JsonObject();
        foreach (var field in fields)
        {
            var path = field.Split('.');
            JsonNode? value = record;
            foreach (var step in path)
            {
                value = value is JsonObject o && o.TryGetPropertyValue(step, out var next) ? next : null;
                if (value is null)
                {
                    break;
                }
            }

            if (value is null && !Present(record, path))
            {
                continue;
            }

            matched.Add(field);
            var target = picked;
            foreach (var step in path[..^1])
            {
                target = target[step] as JsonObject ?? (JsonObject)(target[step] = new JsonObject());
            }

            target[path[^1]] = value?.DeepClone();
        }

        return picked;
    }

    // A member that is there with the value null counts as matched.
    private static bool Present(JsonObject record, string[] path)
    {
        JsonNode? node = record;
        for (var i = 0; i < path.Length; i++)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(path[i], out var next))
            {
                return false;
            }

            node = next;
        }

        return true;
    }
}
