using System.Net;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// OAuth resource-server mode (<c>--jwt-authority</c>, <c>--jwt-audience</c>, <c>--account-claim</c>,
/// <c>--read-scope</c>, <c>--write-scope</c>): the HTTP server accepts only bearer tokens its authorization server
/// issued for it, and acts for the linked account a claim names with a session token it mints itself. Each setting is
/// also a REFOLD_* variable and a key of the <c>OAuth</c> object in the <c>--config</c> file (<see cref="All"/>).
/// </summary>
public sealed record OAuthOptions
{
    public const string Section = "OAuth";
    public const string DefaultAccountClaim = "linked_account_id";

    public static IReadOnlyList<Setting> All { get; } =
    [
        OAuth("--jwt-authority", "REFOLD_JWT_AUTHORITY", nameof(Authority), "URL", "OAuth: the authorization server (OpenID discovery and JWKS under it); https, or http on loopback only", ReadAuthority),
        OAuth("--jwt-audience", "REFOLD_JWT_AUDIENCE", nameof(Audience), "NAME", "OAuth: the audience tokens must be issued for (this server's resource URL)", SettingReaders.Text),
        OAuth("--account-claim", "REFOLD_ACCOUNT_CLAIM", nameof(AccountClaim), "NAME", $"OAuth: the claim naming the caller's linked account (default {DefaultAccountClaim})", SettingReaders.Text),
        OAuth("--read-scope", "REFOLD_READ_SCOPE", nameof(ReadScope), "NAME", "OAuth: a scope a token needs for any access (default: none needed)", SettingReaders.Text),
        OAuth("--write-scope", "REFOLD_WRITE_SCOPE", nameof(WriteScope), "NAME", "OAuth: the scope that adds tools that change data; without it a token gets read-only tools", SettingReaders.Text),
    ];

    public Uri? Authority { get; init; }

    public string? Audience { get; init; }

    public string AccountClaim { get; init; } = DefaultAccountClaim;

    public string? ReadScope { get; init; }

    public string? WriteScope { get; init; }

    /// <summary>
    /// The options of the settings <see cref="ServerSettings.Resolve"/> gathered (<paramref name="settings"/>, by
    /// flag), checked together; null when no authority and no audience is set anywhere (the session-token and API-key
    /// modes then apply).
    /// </summary>
    /// <exception cref="UsageException">A half-configured mode.</exception>
    public static OAuthOptions? Resolve(IReadOnlyDictionary<string, string> settings)
    {
        string? Value(string flag) => settings.GetValueOrDefault(flag) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var authority = Value("--jwt-authority");
        var audience = Value("--jwt-audience");
        if (authority is null && audience is null)
        {
            return null;
        }

        if (authority is null || audience is null)
        {
            throw new UsageException("OAuth mode needs both --jwt-authority (REFOLD_JWT_AUTHORITY) and --jwt-audience (REFOLD_JWT_AUDIENCE).");
        }

        return new OAuthOptions
        {
            Authority = new Uri(authority, UriKind.Absolute),
            Audience = audience,
            AccountClaim = Value("--account-claim") ?? DefaultAccountClaim,
            ReadScope = Value("--read-scope"),
            WriteScope = Value("--write-scope"),
        };
    }

    private static Setting OAuth(string flag, string variable, string property, string valueName, string help, Func<string, string, string> read) =>
        Setting.Of(flag, variable, $"{Section}:{property}", valueName, help, read,
            o => o.OAuthSettings.ContainsKey(flag),
            (o, v) => o with { OAuthSettings = new Dictionary<string, string>(o.OAuthSettings, StringComparer.Ordinal) { [flag] = v } });

    /// <summary>An absolute https URL, or http on loopback only.</summary>
    private static string ReadAuthority(string text, string source)
    {
        var authority = text.Trim();
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new FormatException($"{source} must be an absolute https URL of the authorization server, got '{authority}'.");
        }

        if (url.Scheme == "http" && !IsLoopback(url))
        {
            throw new FormatException($"{source} {authority} is plain http off loopback: tokens' keys would travel unprotected. Use https, or http only for a local issuer on 127.0.0.1, ::1 or localhost.");
        }

        return authority;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
