using System.Text.Json.Nodes;

namespace Refold.Api.Client;

/// <summary>
/// The org a Refold answer names: its <c>org_id</c> (at the top, in its <c>data</c>, or on the first item of a list or
/// of a page's <c>docs</c>),
/// or the org of a session token it carries (generate_session_token). Used to learn which org an API key belongs to.
/// </summary>
internal static class OrgHint
{
    public static string? Find(JsonNode? body, int depth = 0) => body switch
    {
        JsonObject o => Text(o["org_id"]) ?? TokenOrg(Text(o["token"])) ?? (depth < 2 ? Find(o["data"] ?? o["docs"], depth + 1) : null),
        JsonArray { Count: > 0 } a when depth < 2 => Find(a[0], depth + 1),
        _ => null,
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static string? TokenOrg(string? token) => token is null ? null : SessionTokenClaims.TryRead(token)?.OrgId;
}
