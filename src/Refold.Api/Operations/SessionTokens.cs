using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Session Tokens: issue and revoke the JWT session tokens that let a browser or hosted page act for one linked account.</summary>
public static class SessionTokens
{
    public static OperationGroup Group { get; } = new("session_tokens", "Session Tokens", "Issue and revoke the JWT session tokens that let a browser or hosted page act for one linked account.");

    public static Operation GenerateSessionToken { get; } = new()
    {
        Name = "generate_session_token",
        Group = Group,
        Title = "Generate a session token",
        Description = "Issues a session token (and refresh token) for a linked account, for a browser or hosted page to use.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/session-token",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Query("force_refresh", "Always issue a new one.") with { Enum = ["true", "false"] },
            Param.AccountId(Param.Body("linked_account_id", Param.AccountDescription, ParameterType.String, required: true)),
        ],
    };

    public static Operation RevokeSessionToken { get; } = new()
    {
        Name = "revoke_session_token",
        Group = Group,
        Title = "Revoke the session token",
        Description = "Invalidates the session token and its refresh token (logout, leak); generate_session_token issues a new one.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/session-token/revoke",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Delete,
    };

    public static IReadOnlyList<Operation> All { get; } = [GenerateSessionToken, RevokeSessionToken];
}
