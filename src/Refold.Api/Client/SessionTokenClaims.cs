using System.Buffers.Text;
using System.Text.Json;

namespace Refold.Api.Client;

/// <summary>The claims Refold puts in a session token: org, linked account, environment and lifetime.</summary>
public sealed record SessionTokenClaims(string? OrgId, string? LinkedAccountId, string? Environment, DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>Reads the payload of a JWT without verifying it; null when the text is not a readable JWT.</summary>
    public static SessionTokenClaims? TryRead(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new SessionTokenClaims(
                Str(root, "org_id"), Str(root, "linked_account_id"), Str(root, "environment"), Time(root, "iat"), Time(root, "exp"));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // A claim that is not a number of seconds within DateTimeOffset's range counts as absent.
    private static DateTimeOffset? Time(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var s)
            && s >= MinUnixSeconds && s <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : null;

    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
}
