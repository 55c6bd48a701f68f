using System.Text.Json.Nodes;

namespace Refold.Api.Client;

/// <summary>
/// The HTTP request an operation would send, for a dry run: built by the same code as the real one, with every
/// credential header's value replaced by <see cref="Redacted"/>.
/// </summary>
public sealed record RequestPreview(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, JsonNode? Body)
{
    /// <summary>What stands in for a secret header's value.</summary>
    public const string Redacted = "[redacted]";

    internal static RequestPreview Of(HttpRequestMessage request, Uri? baseAddress, string? body)
    {
        var url = baseAddress is null ? request.RequestUri! : new Uri(baseAddress, request.RequestUri!);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(h => new KeyValuePair<string, string>(h.Key, RefoldHeaders.IsSecret(h.Key) ? Redacted : string.Join(", ", h.Value)))
            .ToList();
        return new RequestPreview(request.Method.Method, url, headers, body is null ? null : JsonNode.Parse(body));
    }
}
