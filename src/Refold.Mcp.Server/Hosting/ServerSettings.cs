using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Http;
using Refold.Mcp.Server.Observability;
using Refold.Mcp.Server.Scale;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// Every <see cref="Setting"/> that a flag, a <c>REFOLD_*</c> variable or the <c>--config</c> file may set, and the
/// one place their precedence is applied: a flag wins over the variable, the variable over the file.
/// </summary>
public static class ServerSettings
{
    public static IReadOnlyList<Setting> All { get; } =
        [Upstream.BaseUrlSetting, .. RefoldSettings.All, .. OAuthOptions.All, .. ScaleSettings.All, TrustedProxies.Setting, AuditLog.Setting];

    /// <summary>
    /// <paramref name="options"/> (what the flags gave) completed from <paramref name="environment"/> and the
    /// <c>--config</c> file, read once; then the checks across settings.
    /// </summary>
    /// <exception cref="UsageException">A missing or unreadable file, or a value that cannot be read, naming its source.</exception>
    public static ServerOptions Resolve(ServerOptions options, Func<string, string?> environment)
    {
        var file = ConfigFile.Read(options.ConfigFile);
        var resolved = All.Aggregate(options, (o, setting) => setting.Complete(o, environment, file));
        ScaleSettings.Check(resolved.Scale, resolved.Transport);
        return resolved;
    }
}
