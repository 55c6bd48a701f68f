using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Api.Catalog;

namespace Refold.Api.Client;

/// <summary>Builds the HTTP request of an operation from its declaration, the arguments and the credential.</summary>
internal static class RequestFactory
{
    /// <summary>Arguments must have passed <see cref="ArgumentValidator"/>.</summary>
    public static HttpRequestMessage Create(Operation operation, JsonObject arguments, RefoldCredential? credential)
    {
        var path = new StringBuilder(operation.Route);
        var query = new List<string>();
        var headers = new List<KeyValuePair<string, string>>();
        JsonObject? body = null;

        foreach (var parameter in operation.Parameters)
        {
            var value = arguments[parameter.Name];
            if (value is null)
            {
                continue;
            }

            switch (parameter.In)
            {
                case ParameterLocation.Path:
                    path.Replace("{" + parameter.SentAs + "}", Uri.EscapeDataString(Text(value)));
                    break;
                case ParameterLocation.Query when parameter.Spread && value is JsonObject extra:
                    query.AddRange(extra.Where(p => p.Value is not null).Select(p => Pair(p.Key, p.Value!)));
                    break;
                case ParameterLocation.Query when value is JsonArray items:
                    query.AddRange(items.Where(i => i is not null).Select(i => Pair(parameter.SentAs, i!)));
                    break;
                case ParameterLocation.Query:
                    query.Add(Pair(parameter.SentAs, value));
                    break;
                case ParameterLocation.Header:
                    headers.Add(new(parameter.SentAs, Text(value)));
                    break;
                case ParameterLocation.Body when parameter.Spread && value is JsonObject members:
                    body ??= [];
                    foreach (var (key, member) in members)
                    {
                        body[key] = member?.DeepClone();
                    }

                    break;
                case ParameterLocation.Body:
                    body ??= [];
                    body[parameter.SentAs] = ParameterTypes.Wire(parameter.Type, parameter.Enum, value);
                    break;
            }
        }

        if (query.Count > 0)
        {
            path.Append('?').AppendJoin('&', query);
        }

        var request = new HttpRequestMessage(operation.Method, new Uri(path.ToString().TrimStart('/'), UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        AddCredential(request, operation, arguments, credential);
        foreach (var (name, value) in headers)
        {
            if (!(credential is SessionTokenCredential && IsAccountScopeHeader(name)))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (body is not null || SendsBody(operation.Method))
        {
            request.Content = new StringContent((body ?? []).ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static void AddCredential(HttpRequestMessage request, Operation operation, JsonObject arguments, RefoldCredential? credential)
    {
        if (operation.Auth == AuthLevel.None)
        {
            return;
        }

        switch (credential)
        {
            case ApiKeyCredential key:
                request.Headers.TryAddWithoutValidation(RefoldHeaders.ApiKey, key.ApiKey);
                var declaresAccountHeader = operation.Parameters.Any(p => p.In == ParameterLocation.Header && IsAccountScopeHeader(p.SentAs));
                if (declaresAccountHeader && arguments[Param.LinkedAccountHeader.Name] is null && key.LinkedAccountId is { } account)
                {
                    request.Headers.TryAddWithoutValidation(Param.LinkedAccountHeader.SentAs, account);
                }

                break;
            case SessionTokenCredential token:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
                break;
        }
    }

    private static bool IsAccountScopeHeader(string name) => name == Param.LinkedAccountHeader.SentAs;

    private static bool SendsBody(HttpMethod method) => method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch;

    private static string Pair(string name, JsonNode value) => Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(Text(value));

    /// <summary>The text form of a scalar argument for a path, query or header.</summary>
    private static string Text(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        _ => value.ToJsonString(),
    };
}
