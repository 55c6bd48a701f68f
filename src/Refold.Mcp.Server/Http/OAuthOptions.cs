using System.Net;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// OAuth resource-server mode (<c>--jwt-authority</c>, <c>--jwt-audience</c>, <c>--account-claim</c>,
/// <c>--read-scope</c>, <c>--write-scope</c>): the HTTP server accepts only bearer tokens its authorization server
/// issued for it, and acts for the linked account a claim names with a session token it mints itself. Each setting is
/// also a REFOLD_* variable and a key of the <c>OAuth</c> object in the <c>--config</c> file; flags win over variables
/// over the file.
/// </summary>
public sealed record OAuthOptions
{
    public const string Section = "OAuth";
    public const string DefaultAccountClaim = "linked_account_id";

    /// <summary>One setting: its flag, variable and config key.</summary>
    public sealed record Setting(string Flag, string Variable, string Key, string Help);

    public static IReadOnlyList<Setting> All { get; } =
    [
        new("--jwt-authority", "REFOLD_JWT_AUTHORITY", nameof(Authority), "OAuth: the authorization server (OpenID discovery and JWKS under it); https, or http on loopback only"),
        new("--jwt-audience", "REFOLD_JWT_AUDIENCE", nameof(Audience), "OAuth: the audience tokens must be issued for (this server's resource URL)"),
        new("--account-claim", "REFOLD_ACCOUNT_CLAIM", nameof(AccountClaim), $"OAuth: the claim naming the caller's linked account (default {DefaultAccountClaim})"),
        new("--read-scope", "REFOLD_READ_SCOPE", nameof(ReadScope), "OAuth: a scope a token needs for any access (default: none needed)"),
        new("--write-scope", "REFOLD_WRITE_SCOPE", nameof(WriteScope), "OAuth: the scope that adds tools that change data; without it a token gets read-only tools"),
    ];

    public Uri? Authority { get; init; }

    public string? Audience { get; init; }

    public string AccountClaim { get; init; } = DefaultAccountClaim;

    public string? ReadScope { get; init; }

    public string? WriteScope { get; init; }

    /// <summary>
    /// The options of the flags (<paramref name="flags"/>, by flag), the environment and the config file, checked; null
    /// when no authority and no audience is set anywhere (the session-token and API-key modes then apply).
    /// </summary>
    /// <exception cref="UsageException">A half-configured mode, a bad URL or an http authority off loopback, naming the setting.</exception>
    public static OAuthOptions? Resolve(IReadOnlyDictionary<string, string> flags, string? configFile, Func<string, string?> environment)
    {
        var file = Hosting.ConfigFile.Section(configFile, Section);

        string? Value(Setting s) =>
            new[] { flags.GetValueOrDefault(s.Flag), environment(s.Variable), file?[s.Key] }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

        var values = All.ToDictionary(s => s.Key, Value);
        var authority = values[nameof(Authority)];
        var audience = values[nameof(Audience)];
        if (authority is null && audience is null)
        {
            return null;
        }

        if (authority is null || audience is null)
        {
            throw new UsageException("OAuth mode needs both --jwt-authority (REFOLD_JWT_AUTHORITY) and --jwt-audience (REFOLD_JWT_AUDIENCE).");
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new UsageException($"--jwt-authority must be an absolute https URL of the authorization server, got '{authority}'.");
        }

        if (url.Scheme == "http" && !IsLoopback(url))
        {
            throw new UsageException($"--jwt-authority {authority} is plain http off loopback: tokens' keys would travel unprotected. Use https, or http only for a local issuer on 127.0.0.1, ::1 or localhost.");
        }

        return new OAuthOptions
        {
            Authority = url,
            Audience = audience,
            AccountClaim = values[nameof(AccountClaim)] ?? DefaultAccountClaim,
            ReadScope = values[nameof(ReadScope)],
            WriteScope = values[nameof(WriteScope)],
        };
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
