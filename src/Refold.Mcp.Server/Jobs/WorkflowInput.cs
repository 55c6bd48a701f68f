using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Refold.Mcp.Server.Jobs;

/// <summary>Checks a workflow's input against the JSON Schema of its request structure, naming each field at fault.</summary>
public static class WorkflowInput
{
    private const int MaxProblems = 5;

    /// <summary>
    /// The problems of <paramref name="input"/> under <paramref name="schema"/> (empty when it conforms, or when the
    /// workflow declares no schema). A schema Refold holds but that is not valid JSON Schema is not ours to refuse.
    /// </summary>
    public static IReadOnlyList<string> Problems(JsonNode? schema, JsonObject input)
    {
        if (schema is not JsonObject)
        {
            return [];
        }

        JsonSchema compiled;
        try
        {
            compiled = JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception e) when (e is JsonException or JsonSchemaException or RefResolutionException or ArgumentException or InvalidOperationException or FormatException)
        {
            return [];
        }

        using var document = JsonDocument.Parse(input.ToJsonString());
        var result = compiled.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        var problems = (result.Details ?? [])
            .Prepend(result)
            .SelectMany(d => (d.Errors ?? new Dictionary<string, string>()).Select(e => Describe(d.InstanceLocation.ToString(), e.Value)))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxProblems)
            .ToList();
        return problems.Count > 0 ? problems : ["the input does not match the workflow's schema"];
    }

    private static string Describe(string location, string message) =>
        location is "" or "/" ? message : $"'{location.TrimStart('/').Replace('/', '.')}': {message}";
}
