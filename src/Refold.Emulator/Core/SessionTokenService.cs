using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Emulator.State;

namespace Refold.Emulator.Core;

/// <summary>
/// Issues, checks and revokes session tokens: HS256 JWTs signed with the state's key, carrying <c>org_id</c>,
/// <c>linked_account_id</c>, <c>environment</c>, <c>iat</c>, <c>exp</c> (and a <c>jti</c>), expiring on the
/// emulator's clock. Issued tokens are recorded in <see cref="Collections.SessionTokens"/> so they can be reused and revoked.
/// </summary>
public sealed class SessionTokenService(EmulatorState state, EmulatorOptions options)
{
    private static readonly string s_header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    /// <summary>What generate_session_token answers.</summary>
    public sealed record Issued(string Token, string RefreshToken, long ExpiresIn, long RefreshExpiresIn);

    /// <summary>A still-valid token of the account (unless <paramref name="forceRefresh"/>), or a new one.</summary>
    public Issued Issue(Partition partition, string linkedAccountId, bool forceRefresh)
    {
        var tokens = partition.Collection(Collections.SessionTokens);
        var now = state.Now.ToUnixTimeSeconds();
        return state.Atomically(() =>
        {
            if (!forceRefresh && tokens.FindOne(t => Doc.Is(t, "linked_account_id", linkedAccountId) && t.Bool("revoked") != true && Exp(t, "exp") > now) is { } live)
            {
                return new Issued(live.Str("token")!, live.Str("refresh_token")!, Exp(live, "exp") - now, Math.Max(0, Exp(live, "refresh_exp") - now));
            }

            var exp = now + (long)options.SessionTokenLifetime.TotalSeconds;
            var refreshExp = now + (long)options.RefreshTokenLifetime.TotalSeconds;
            var jti = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var token = Sign(partition, linkedAccountId, now, exp, jti, refresh: false);
            var refresh = Sign(partition, linkedAccountId, now, refreshExp, jti, refresh: true);
            tokens.Insert(new JsonObject
            {
                ["jti"] = jti,
                ["linked_account_id"] = linkedAccountId,
                ["token"] = token,
                ["refresh_token"] = refresh,
                ["iat"] = now,
                ["exp"] = exp,
                ["refresh_exp"] = refreshExp,
                ["revoked"] = false,
            });
            return new Issued(token, refresh, exp - now, refreshExp - now);
        });
    }

    /// <summary>The caller a bearer token stands for, or null when it is malformed, forged, expired, revoked or its account is gone.</summary>
    public Caller? Validate(string token)
    {
        if (Read(token) is not { } claims || claims.Bool("refresh") == true)
        {
            return null;
        }

        var orgId = claims.Str("org_id");
        var environment = claims.Str("environment");
        var account = claims.Str("linked_account_id");
        var jti = claims.Str("jti");
        if (orgId is null || environment is null || account is null || jti is null || Exp(claims, "exp") <= state.Now.ToUnixTimeSeconds())
        {
            return null;
        }

        var partition = state.Partition(orgId, environment);
        var record = partition.Collection(Collections.SessionTokens).FindOne(t => Doc.Is(t, "jti", jti));
        if (record is null || record.Bool("revoked") == true
            || partition.Collection(Collections.LinkedAccounts).FindOne(a => Doc.Is(a, "account_id", account)) is null)
        {
            return null;
        }

        return new Caller
        {
            Kind = CredentialKind.SessionToken,
            OrgId = orgId,
            Environment = environment,
            LinkedAccountId = account,
            TokenId = jti,
            Token = token,
        };
    }

    /// <summary>Revokes the token (and its refresh token) with this id; returns 1 when it was live, else 0.</summary>
    public int Revoke(Partition partition, string tokenId) =>
        partition.Collection(Collections.SessionTokens).UpdateOne(
            t => Doc.Is(t, "jti", tokenId) && t.Bool("revoked") != true,
            t => t["revoked"] = true) is null ? 0 : 1;

    /// <summary>Revokes every token of a linked account (it was deleted).</summary>
    public void RevokeAll(Partition partition, string linkedAccountId) =>
        partition.Collection(Collections.SessionTokens).UpdateMany(
            t => Doc.Is(t, "linked_account_id", linkedAccountId) && t.Bool("revoked") != true,
            t => t["revoked"] = true);

    private string Sign(Partition partition, string linkedAccountId, long iat, long exp, string jti, bool refresh)
    {
        var claims = new JsonObject
        {
            ["org_id"] = partition.OrgId,
            ["linked_account_id"] = linkedAccountId,
            ["environment"] = partition.Environment,
            ["iat"] = iat,
            ["exp"] = exp,
            ["jti"] = jti,
        };
        if (refresh)
        {
            claims["refresh"] = true;
        }

        var signingInput = s_header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(state.SigningKey, Encoding.ASCII.GetBytes(signingInput)));
    }

    private JsonObject? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != s_header)
        {
            return null;
        }

        try
        {
            var expected = HMACSHA256.HashData(state.SigningKey, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            {
                return null;
            }

            return JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static long Exp(JsonObject doc, string key) =>
        doc[key] is JsonValue v && v.TryGetValue<long>(out var seconds) ? seconds : 0;
}
