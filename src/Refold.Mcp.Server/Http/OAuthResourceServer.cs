using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// The HTTP server as an OAuth 2.1 resource server (MCP authorization): bearer tokens are validated with JwtBearer
/// against the authority's OpenID discovery and keys (signature, issuer, audience, lifetime), the Protected Resource
/// Metadata is served at <see cref="MetadataPath"/> and its path-suffixed form, and every 401 points at it.
/// </summary>
public static class OAuthResourceServer
{
    public const string Scheme = "refold-oauth";
    public const string MetadataPath = "/.well-known/oauth-protected-resource";

    /// <summary>Registers token validation and <see cref="OAuthSessions"/>; <paramref name="orgKey"/> mints the accounts' session tokens.</summary>
    public static void Add(IServiceCollection services, OAuthOptions options, RefoldCredential? orgKey)
    {
        if (orgKey is not ApiKeyCredential key)
        {
            throw new UsageException("OAuth mode (--jwt-authority) mints each caller's Refold session token with the org key: set REFOLD_API_KEY to the org's API key.");
        }

        services.AddSingleton(options);
        services.AddSingleton(new OAuthOrgKey(key));
        services.AddSingleton<OAuthSessions>();
        services.AddAuthentication().AddJwtBearer(Scheme, jwt =>
        {
            jwt.Authority = options.Authority!.ToString().TrimEnd('/');
            jwt.Audience = options.Audience;
            jwt.RequireHttpsMetadata = options.Authority.Scheme == Uri.UriSchemeHttps; // http is accepted only on loopback (OAuthOptions)
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.ValidateIssuer = true;
            jwt.TokenValidationParameters.ValidateAudience = true;
            jwt.TokenValidationParameters.ValidateLifetime = true;
            jwt.TokenValidationParameters.ValidateIssuerSigningKey = true;
            jwt.TokenValidationParameters.RequireExpirationTime = true;
            jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        });
    }

    /// <summary>Serves the Protected Resource Metadata document at both its addresses.</summary>
    public static void MapMetadata(WebApplication app, OAuthOptions options)
    {
        foreach (var path in new[] { MetadataPath, MetadataPath + HttpServer.Endpoint })
        {
            app.MapGet(path, (HttpContext context) => RequestGuard.WriteJsonAsync(context, Document(context.Request, options)));
        }
    }

    /// <summary>The metadata document: this resource, its authorization server, how tokens are sent and the scopes it knows.</summary>
    public static JsonObject Document(HttpRequest request, OAuthOptions options) => new()
    {
        ["resource"] = Uri.TryCreate(options.Audience, UriKind.Absolute, out var resource) ? resource.ToString() : Origin(request) + HttpServer.Endpoint,
        ["authorization_servers"] = new JsonArray(options.Authority!.ToString().TrimEnd('/')),
        ["bearer_methods_supported"] = new JsonArray("header"),
        ["scopes_supported"] = new JsonArray([.. new[] { options.ReadScope, options.WriteScope }.OfType<string>().Distinct().Select(s => (JsonNode)s)]),
        ["resource_name"] = "Refold MCP server",
    };

    /// <summary>Where a client finds the metadata of the MCP endpoint (the path-suffixed form).</summary>
    public static string MetadataUrl(HttpRequest request) => Origin(request) + MetadataPath + HttpServer.Endpoint;

    /// <summary>The <c>WWW-Authenticate</c> value of a refusal, pointing at the metadata.</summary>
    public static string Challenge(HttpRequest request, AuthOutcome outcome, OAuthOptions options)
    {
        var value = $"Bearer realm=\"{RefoldAuthMiddleware.Realm}\", resource_metadata=\"{MetadataUrl(request)}\"";
        if (outcome.Error is not (null or "unauthorized"))
        {
            value += $", error=\"{outcome.Error}\", error_description=\"{outcome.Description}\"";
        }

        return outcome.Error == "insufficient_scope" && options.ReadScope is { } scope ? value + $", scope=\"{scope}\"" : value;
    }

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}

/// <summary>The org key OAuth mode mints session tokens with.</summary>
public sealed record OAuthOrgKey(ApiKeyCredential Credential);
