using Refold.Api.Client;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Hosting;

/// <summary>The credential of a stdio server or a CLI command, from REFOLD_API_KEY (+ REFOLD_LINKED_ACCOUNT_ID) or REFOLD_SESSION_TOKEN.</summary>
public static class EnvironmentCredentials
{
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

    private static string? Value(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
