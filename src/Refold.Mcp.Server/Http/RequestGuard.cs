using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// Checks that come before authentication: DNS-rebinding protection (a browser <c>Origin</c> must be loopback or
/// allowed; on a loopback-only server the <c>Host</c> must be loopback too), the request size limit, and that a
/// <c>POST</c> to the MCP endpoint says it carries JSON (415 otherwise).
/// </summary>
public sealed class RequestGuard(RequestDelegate next, ServerOptions options)
{
    private readonly HashSet<string> _allowedOrigins = options.AllowedOrigins.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _allowedHosts = options.AllowedOrigins
        .Select(o => Uri.TryCreate(o, UriKind.Absolute, out var u) ? u.Host : null).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
    private readonly bool _loopbackOnly = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .All(u => Uri.TryCreate(u.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var url) && IsLoopback(url.Host));

    public async Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !OriginAllowed(origin))
        {
            await RejectAsync(context, StatusCodes.Status403Forbidden, "forbidden_origin", $"Requests from origin '{origin}' are not allowed (DNS-rebinding protection); the operator can allow it with --allowed-origins.");
            return;
        }

        if (_loopbackOnly && !IsLoopback(context.Request.Host.Host) && !_allowedHosts.Contains(context.Request.Host.Host))
        {
            await RejectAsync(context, StatusCodes.Status403Forbidden, "forbidden_host", "This server only answers requests addressed to a loopback host (DNS-rebinding protection).");
            return;
        }

        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            await RejectAsync(context, StatusCodes.Status413PayloadTooLarge, "request_too_large", $"The request body is larger than this server accepts ({options.MaxRequestBytes} bytes).");
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(HttpServer.Endpoint) && !IsJson(context.Request.ContentType))
        {
            await RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"POST {HttpServer.Endpoint} takes a JSON-RPC message: send it with the header Content-Type: application/json{(context.Request.ContentType is { Length: > 0 } given ? $" (got '{given}')" : " (none was given)")}.");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBytes;
        }

        await next(context);
    }

    public static Task WriteJsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static Task RejectAsync(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        return WriteJsonAsync(context, new JsonObject { ["error"] = error, ["error_description"] = description });
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    private bool OriginAllowed(string origin) =>
        _allowedOrigins.Contains("*") || _allowedOrigins.Contains(origin.TrimEnd('/'))
        || (Uri.TryCreate(origin, UriKind.Absolute, out var url) && IsLoopback(url.Host));

    private static bool IsLoopback(string host)
    {
        host = host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
