using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Refold.Api.Catalog;

namespace Refold.Emulator.Core;

/// <summary>
/// Checks a request against its operation's declared parameters before the handler runs, answering 400 with a
/// message naming the field: a required body field, query value or header missing, a body field of the wrong JSON
/// type, a value outside its declared set, a page/limit that is not a positive integer.
/// </summary>
internal static class InputValidator
{
    /// <summary>Null when the inputs are acceptable, else the problem, naming the field.</summary>
    public static string? Check(Operation operation, HttpRequest request, JsonNode? body, Caller caller)
    {
        var bodyParameters = operation.Parameters.Where(p => p.In == ParameterLocation.Body).ToList();
        if (bodyParameters.Count > 0 && body is not null and not JsonObject)
        {
            return "request body must be a JSON object";
        }

        foreach (var p in operation.Parameters)
        {
            var problem = p.In switch
            {
                ParameterLocation.Body when p.Spread => p.Required && body is not JsonObject ? "request body must be a JSON object" : null,
                ParameterLocation.Body => CheckBody(p, (body as JsonObject)?[p.SentAs], (body as JsonObject)?.ContainsKey(p.SentAs) == true),
                ParameterLocation.Query when p.Spread => null,
                ParameterLocation.Query => CheckText(p, request.Query.TryGetValue(p.SentAs, out var q) && q.Count > 0 ? q[0] : null, caller),
                ParameterLocation.Header => CheckText(p, request.Headers.TryGetValue(p.SentAs, out var h) && h.Count > 0 ? h[0] : null, caller),
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckText(Parameter p, string? value, Caller caller)
    {
        if (string.IsNullOrEmpty(value))
        {
            // The account a call acts for may come from the token, the header or the query (README §3).
            var supplied = p.Name == Param.LinkedAccountHeader.Name && caller.LinkedAccountId is not null;
            return p.Required && !supplied ? $"{p.SentAs} is required" : null;
        }

        if (p.Type == ParameterType.Integer && !(long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0))
        {
            return $"{p.SentAs} must be a positive integer, got '{value}'";
        }

        if (p.Type == ParameterType.Boolean && value is not ("true" or "false"))
        {
            return $"{p.SentAs} must be 'true' or 'false', got '{value}'";
        }

        return p.Enum is { Count: > 0 } allowed && !allowed.Contains(value)
            ? $"{p.SentAs} must be one of {string.Join(", ", allowed)}, got '{value}'"
            : null;
    }

    private static string? CheckBody(Parameter p, JsonNode? value, bool present)
    {
        if (value is null)
        {
            return p.Required ? $"{p.SentAs} is required" : null;
        }

        var kind = value.GetValueKind();
        var ok = ParameterTypes.Accepts(p.Type, p.Enum, value);
        if (!ok)
        {
            return $"{p.SentAs} must be {ParameterTypes.Expected(p.Type, p.Enum)}";
        }

        if (p.Required && (value is JsonArray { Count: 0 } || (kind == JsonValueKind.String && value.GetValue<string>().Length == 0)))
        {
            return $"{p.SentAs} is required";
        }

        return p.Enum is { Count: > 0 } allowed && kind == JsonValueKind.String && !allowed.Contains(value.GetValue<string>())
            ? $"{p.SentAs} must be one of {string.Join(", ", allowed)}, got '{value.GetValue<string>()}'"
            : null;
    }
}
