using System.Text.Json.Nodes;
using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The <c>outputSchema</c> every tool lists: the object its successful <c>structuredContent</c> is. An operation's
/// comes from Refold's documented response (<see cref="ResponseShapes"/>), wrapped as <see cref="ToolResults.Success"/>
/// wraps results (an array as <c>items</c>, any other non-object as <c>result</c>). Schemas name members and their
/// types but require none and allow others, so a <c>fields</c> projection, a cut result (<c>truncated</c>) and a dry
/// run (<c>dry_run</c>, <c>sent</c>, <c>request</c>) conform too.
/// </summary>
public static class OutputSchema
{
    /// <summary>Any object: for tools whose result is another operation's (call_*_operation).</summary>
    public static JsonObject AnyObject() => new() { ["type"] = "object" };

    /// <summary>An object with these members (name, JSON type or types).</summary>
    public static JsonObject Members(params (string Name, JsonNode Type)[] members) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject([.. members.Select(m => KeyValuePair.Create(m.Name, (JsonNode?)new JsonObject { ["type"] = m.Type.DeepClone() }))]),
    };

    /// <summary>The structured result of <paramref name="operation"/>, from its documented response.</summary>
    public static JsonObject Of(Operation operation) => ResponseShapes.For(operation.Name) switch
    {
        null => AnyObject(),
        { } shape when Is(shape, "object") => shape,
        { } shape when Is(shape, "array") => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["items"] = shape } },
        { Count: 0 } => AnyObject(),
        { } shape => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["result"] = shape } },
    };

    /// <summary>
    /// What run_workflow, wait_for_execution and workflow tools answer: the run followed to its end, to a human task
    /// or to the end of the wait.
    /// </summary>
    public static JsonObject FollowedRun() => Members(
        ("execution_id", "string"), ("status", new JsonArray("string", "null")), ("finished", "boolean"), ("nodes", "array"), ("waiting_for", "string"));

    private static bool Is(JsonObject shape, string type) => shape["type"] is JsonValue value && value.ToString() == type;
}
