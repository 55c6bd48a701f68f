using System.Text.Json.Nodes;

namespace Refold.Api.Catalog;

/// <summary>Derives the JSON Schema of an operation's tool arguments from its declaration.</summary>
public static class InputSchema
{
    /// <summary>
    /// The input schema for <paramref name="operation"/>. When <paramref name="accountSupplied"/> is true the
    /// credential already names the linked account, so <c>linked_account_id</c> is optional.
    /// </summary>
    public static JsonObject For(ToolDeclaration operation, bool accountSupplied = false)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var argument in operation.Arguments.Where(a => !a.Declarations.All(d => d.Unlisted)))
        {
            properties[argument.Name] = PropertySchema(argument);
            if (argument.Required && !(accountSupplied && argument.IsAccountScope))
            {
                required.Add((JsonNode)argument.Name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        // Unknown arguments are refused (ArgumentValidator names the known ones); the server instructions say so once
        // instead of additionalProperties: false on every tool.
        return schema;
    }

    /// <summary>The schema of one argument.</summary>
    public static JsonObject PropertySchema(Argument argument)
    {
        var schema = TypeSchema(argument.Type);
        if (ParameterTypes.IsBooleanText(argument.Type, argument.Enum))
        {
            // Refold reads it as text: listed as a boolean (what an agent should send, sent as that text); the
            // validator also takes the strings 'true' and 'false' and holds other strings out.
            schema["type"] = "boolean";
        }
        else if (argument.Enum is { Count: > 0 } values)
        {
            // On an array of strings the set constrains each item.
            var constrained = argument.Type == ParameterType.StringArray ? (JsonObject)schema["items"]! : schema;
            constrained["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        // A shared parameter's meaning is given once, in the server instructions (Parameter.DescribedOnce), so only a
        // declaration's own word is listed (e.g. "Account scope." where linked_account_id is also the shared header);
        // an empty description means name, type and enum say it all.
        if (argument.Declarations.FirstOrDefault(d => !d.DescribedOnce && d.Description.Length > 0) is { } own)
        {
            schema["description"] = own.Description;
        }

        return schema;
    }

    private static JsonObject TypeSchema(ParameterType type) => type switch
    {
        ParameterType.String => new() { ["type"] = "string" },
        ParameterType.Integer => new() { ["type"] = "integer" },
        ParameterType.Boolean => new() { ["type"] = "boolean" },
        ParameterType.Object => new() { ["type"] = "object" },
        ParameterType.StringArray => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
        ParameterType.ObjectArray => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
        ParameterType.ObjectOrObjectArray => new() { ["type"] = new JsonArray("object", "array"), ["items"] = new JsonObject { ["type"] = "object" } },
        ParameterType.Any => [],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
