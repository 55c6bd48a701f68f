using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Refold.Api.Client;

namespace Refold.Api.Tests.Support;

/// <summary>Unsigned JWT-shaped session tokens for client-side tests (only Refold verifies signatures).</summary>
internal static class Tokens
{
    public static string For(string linkedAccountId, string orgId = "org_1") =>
        Part(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" }) + "." +
        Part(new JsonObject { ["org_id"] = orgId, ["linked_account_id"] = linkedAccountId, ["environment"] = "test", ["iat"] = 1_790_000_000, ["exp"] = 1_790_086_400 }) +
        ".c2lnbmF0dXJl";

    /// <summary>The linked account a token of <see cref="For"/> names.</summary>
    public static string? ClaimedAccount(string token) => SessionTokenClaims.TryRead(token)?.LinkedAccountId;

    private static string Part(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
