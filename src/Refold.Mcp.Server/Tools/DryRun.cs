using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The <c>dry_run</c> argument every operation that changes something takes: the tool answers with the exact request
/// it would send (method, URL, headers with secrets redacted, body) and sends nothing.
/// </summary>
public static class DryRun
{
    public const string Argument = "dry_run";

    /// <summary>The input schema of <paramref name="operation"/>'s tool: the declaration's, plus <c>dry_run</c> when it writes.</summary>
    public static JsonObject InputSchemaOf(Operation operation, bool accountSupplied)
    {
        var schema = InputSchema.For(operation, accountSupplied);
        if (!operation.Hints.ReadOnly)
        {
            // What dry_run does is said once, in the server instructions.
            schema["properties"]![Argument] = new JsonObject { ["type"] = "boolean" };
        }

        return schema;
    }

    /// <summary>
    /// Takes <c>dry_run</c> out of the arguments of a write (the rest go to Refold); read-only operations keep it, so
    /// the validator reports it as unknown. Null when acceptable, else the error result.
    /// </summary>
    public static CallToolResult? Take(Operation operation, ref JsonObject arguments, out bool dryRun)
    {
        dryRun = false;
        if (operation.Hints.ReadOnly || !arguments.TryGetPropertyValue(Argument, out var value))
        {
            return null;
        }

        if (value is not null && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return CatalogArguments.Invalid(operation.Name, Argument, $"'{Argument}' must be a boolean (true or false), got {ArgumentValidator.Clip(value.ToJsonString())}");
        }

        dryRun = value?.GetValue<bool>() == true;
        arguments = (JsonObject)arguments.DeepClone();
        arguments.Remove(Argument);
        return null;
    }

    /// <summary>The dry run's result: <c>{"dry_run": true, "sent": false, "request": {method, url, headers, body}}</c>.</summary>
    public static CallToolResult Result(RequestPreview request) => ToolResults.Success(new JsonObject
    {
        ["dry_run"] = true,
        ["sent"] = false,
        ["request"] = new JsonObject
        {
            ["method"] = request.Method,
            ["url"] = request.Url.AbsoluteUri,
            ["headers"] = new JsonObject([.. request.Headers.Select(h => new KeyValuePair<string, JsonNode?>(h.Key, h.Value))]),
            ["body"] = request.Body?.DeepClone(),
        },
    });
}
