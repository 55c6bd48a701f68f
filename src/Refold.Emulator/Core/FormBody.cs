using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Refold.Emulator.Core;

/// <summary>
/// A <c>multipart/form-data</c> body as the JSON object a handler reads, for the operations Refold documents it on
/// (event triggers): text fields become string members, a <c>payload</c> field holds JSON-stringified data and is
/// parsed, and each uploaded file merges into the payload under its field name as
/// <c>{file_name, content_type, size, content_base64}</c>.
/// </summary>
internal static class FormBody
{
    public const string Payload = "payload";

    public static bool IsForm(HttpRequest request) => request.HasFormContentType
        && request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The form as a JSON object; throws <see cref="JsonException"/> when <c>payload</c> is not a JSON object.</summary>
    public static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var body = new JsonObject();
        foreach (var (name, values) in form)
        {
            body[name] = name == Payload ? ParsePayload(values.ToString()) : values.ToString();
        }

        if (form.Files.Count == 0)
        {
            return body;
        }

        var payload = body[Payload] as JsonObject ?? [];
        body[Payload] = payload;
        foreach (var file in form.Files)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, request.HttpContext.RequestAborted);
            payload[file.Name] = new JsonObject
            {
                ["file_name"] = file.FileName,
                ["content_type"] = file.ContentType,
                ["size"] = file.Length,
                ["content_base64"] = Convert.ToBase64String(content.ToArray()),
            };
        }

        return body;
    }

    private static JsonObject ParsePayload(string text) =>
        string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? throw new JsonException("payload must be a JSON-stringified object");
}
