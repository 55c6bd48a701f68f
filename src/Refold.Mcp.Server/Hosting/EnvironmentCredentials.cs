using Refold.Api.Client;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Hosting;

/// <summary>The credential of a stdio server or a CLI command, from REFOLD_API_KEY (+ REFOLD_LINKED_ACCOUNT_ID) or REFOLD_SESSION_TOKEN.</summary>
public static class EnvironmentCredentials
{
    private static readonly string[] s_credentialVariables = ["REFOLD_API_KEY", "REFOLD_SESSION_TOKEN"];

    /// <summary>The configured credential, or null when none is set.</summary>
    /// <exception cref="UsageException">When both kinds are set, or the session token is not a readable JWT.</exception>
    public static RefoldCredential? Read(Func<string, string?> environment)
    {
        var key = Value(environment, "REFOLD_API_KEY");
        var token = Value(environment, "REFOLD_SESSION_TOKEN");
        if (key is not null && token is not null)
        {
            throw new UsageException("Set either REFOLD_API_KEY or REFOLD_SESSION_TOKEN, not both.");
        }

        if (token is not null)
        {
            return SessionTokenClaims.TryRead(token) is null
                ? throw new UsageException("REFOLD_SESSION_TOKEN is not a Refold session token (a JWT minted by generate_session_token).")
                : RefoldCredential.FromSessionToken(token);
        }

        return key is null ? null : RefoldCredential.FromApiKey(key, Value(environment, "REFOLD_LINKED_ACCOUNT_ID"));
    }

    /// <summary>
    /// What to tell the user when <see cref="Read"/> finds no credential: which variable is empty (an MCP client's
    /// configuration passes an empty value when the variable it refers to is unset) or that none is set, and what to set.
    /// </summary>
    public static string MissingAdvice(Func<string, string?> environment)
    {
        var empty = s_credentialVariables.FirstOrDefault(name => environment(name) is { } value && string.IsNullOrWhiteSpace(value));
        var what = empty is null ? "No Refold credential is set" : $"{empty} is set but empty (what an MCP client passes when the variable its configuration names is unset)";
        return $"{what}: set REFOLD_API_KEY to your org's API key (with REFOLD_LINKED_ACCOUNT_ID to act for one linked account) or REFOLD_SESSION_TOKEN to a session token, or start with --emulator to use the local emulator.";
    }

    private static string? Value(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
