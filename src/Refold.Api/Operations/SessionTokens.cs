using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Session Tokens: TODO one line.</summary>
public static class SessionTokens
{
    public static OperationGroup Group { get; } = new("session_tokens", "Session Tokens", "TODO");

    public static Operation GenerateSessionToken { get; } = new()
    {
        Name = "generate_session_token",
        Group = Group,
        Title = "TODO",
        Description = "Mint (or reuse) a JWT session token plus refresh token for one linked account, for use by browsers/hosted pages instead of the API key.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/session-token",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Query("force_refresh", "'true' to always mint a fresh token; default 'false' returns an existing valid one."),
            Param.Body("linked_account_id", "account_id of an existing linked account in the key's environment.", ParameterType.String, required: true),
        ],
    };

    public static Operation RevokeSessionToken { get; } = new()
    {
        Name = "revoke_session_token",
        Group = Group,
        Title = "TODO",
        Description = "Blacklist the bearer token presented (and its refresh token) so it can no longer be used. Body ignored.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/session-token/revoke",
        Auth = AuthLevel.Account,
        Hints = ToolHints.Delete,
    };

    public static IReadOnlyList<Operation> All { get; } = [GenerateSessionToken, RevokeSessionToken];
}
