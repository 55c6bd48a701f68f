using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// An OAuth authorization server on 127.0.0.1:0 for tests: its own RSA key, OpenID discovery and JWKS, and tokens
/// signed with that key (or, for a forged one, with another key under the same key id).
/// </summary>
public sealed class LocalIssuer : IAsyncDisposable
{
    public const string KeyId = "test-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private WebApplication _app = null!;

    public Uri Authority { get; private set; } = null!;

    public string Issuer => Authority.ToString().TrimEnd('/');

    public static async Task<LocalIssuer> StartAsync()
    {
        var issuer = new LocalIssuer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        issuer._app = builder.Build();
        issuer._app.MapGet("/.well-known/openid-configuration", (HttpContext c) => Json(c, new JsonObject
        {
            ["issuer"] = issuer.Issuer,
            ["jwks_uri"] = issuer.Issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        issuer._app.MapGet("/jwks", (HttpContext c) =>
        {
            var p = issuer._key.ExportParameters(false);
            return Json(c, new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                    ["n"] = Base64Url.EncodeToString(p.Modulus), ["e"] = Base64Url.EncodeToString(p.Exponent),
                }),
            });
        });
        await issuer._app.StartAsync();
        issuer.Authority = new Uri(issuer._app.Urls.First());
        return issuer;
    }

    /// <summary>A token for <paramref name="audience"/> naming <paramref name="account"/>; each other argument spoils one thing.</summary>
    public string Token(string audience, string? account, string? scope = null, string? issuer = null, TimeSpan? expiresIn = null, bool forged = false)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object> { ["sub"] = "user-" + (account ?? "none") };
        if (account is not null)
        {
            claims["linked_account_id"] = account;
        }

        if (scope is not null)
        {
            claims["scope"] = scope;
        }

        using var other = forged ? RSA.Create(2048) : null;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddHours(-1) : now,
            NotBefore = expires < now ? expires.AddHours(-1) : now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(other ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    private static Task Json(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
