using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;

namespace Refold.Mcp.Server.Tools;

/// <summary>Reads and checks the arguments of the catalog tools, naming the field and what was expected.</summary>
internal static class CatalogArguments
{
    /// <summary>Null when only <paramref name="allowed"/> names are present; else the error result.</summary>
    public static CallToolResult? Unknown(string tool, JsonObject? arguments, params string[] allowed)
    {
        var unknown = arguments?.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k));
        return unknown is null ? null : Invalid(tool, ArgumentValidator.Clip(unknown), $"unknown argument '{ArgumentValidator.Clip(unknown)}' (expected one of: {string.Join(", ", allowed)})");
    }

    public static bool TryString(string tool, JsonObject? arguments, string name, bool required, out string? value, out CallToolResult? error)
    {
        value = null;
        error = null;
        var node = arguments?[name];
        if (node is null)
        {
            if (required)
            {
                error = Invalid(tool, name, $"missing required argument '{name}' (a string)");
            }

            return !required;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            error = Invalid(tool, name, $"'{name}' must be a string, got {node.GetValueKind().ToString().ToLowerInvariant()}");
            return false;
        }

        value = node.GetValue<string>();
        return true;
    }

    public static bool TryInteger(string tool, JsonObject? arguments, string name, int min, int max, ref int value, out CallToolResult? error)
    {
        error = null;
        var node = arguments?[name];
        if (node is null)
        {
            return true;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var number) || number < min || number > max)
        {
            error = Invalid(tool, name, $"'{name}' must be an integer from {min} to {max}, got {ArgumentValidator.Clip(node.ToJsonString())}");
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>The operation named by the <c>name</c> argument, if this session can reach it.</summary>
    public static Operation? Reachable(ToolSet set, string tool, string name, out CallToolResult? error)
    {
        var operation = RefoldCatalog.Find(name);
        if (operation is not null && set.Reaches(operation))
        {
            error = null;
            return set.Find(name);
        }

        if (operation is not null && TenantFence.WhyFenced(set.Surface, set.Shape, operation) is { } fenced)
        {
            error = ToolResults.Error(RefoldErrorKind.NotPermitted, "TENANT_FENCE", $"The operation '{ArgumentValidator.Clip(name)}' is not available to this session: {fenced}.",
                tool, "name", TenantFence.Hint);
            return null;
        }

        error = ToolResults.Error(RefoldErrorKind.InvalidArgument, operation is null ? "UNKNOWN_OPERATION" : "OPERATION_NOT_ENABLED",
            operation is null
                ? $"There is no Refold operation named '{ArgumentValidator.Clip(name)}'."
                : $"The operation '{ArgumentValidator.Clip(name)}' is not available to this session (its credential or this server's options exclude it).",
            tool, "name", "Use search_operations to find the operations this session can call, by words or by group.");
        return null;
    }

    public static CallToolResult Invalid(string tool, string argument, string problem) =>
        ToolResults.Error(RefoldErrorKind.InvalidArgument, "INVALID_ARGUMENT", $"Invalid arguments for {tool}: {problem}.", tool, argument,
            "Fix the argument named in the message and call again; the tool's input schema lists every argument.");
}
