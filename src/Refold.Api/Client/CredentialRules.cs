using Refold.Api.Catalog;
using Refold.Api.Errors;

namespace Refold.Api.Client;

/// <summary>
/// The one rule for which credential may call which operation. The client enforces it before sending; the MCP
/// server uses it to decide which tools a session lists and runs.
/// </summary>
public static class CredentialRules
{
    /// <summary>
    /// True when a credential of this kind may call <paramref name="operation"/> at all (arguments aside):
    /// a session token never calls org-only operations, an API key never calls account-only ones.
    /// </summary>
    public static bool Permits(ToolDeclaration operation, RefoldCredential? credential) => KindError(operation, credential) is null;

    /// <summary>
    /// Why <paramref name="credential"/> may not make this call, or null when it may. Whether a linked account must
    /// be named is the declaration's business (a required <c>linked_account_id</c>), checked with the arguments.
    /// </summary>
    public static RefoldError? Check(ToolDeclaration operation, RefoldCredential? credential) => KindError(operation, credential);

    private static RefoldError? KindError(ToolDeclaration operation, RefoldCredential? credential) => (operation.Auth, credential) switch
    {
        (AuthLevel.None, _) => null,
        (_, null) => RefoldErrorMapper.Local(operation, RefoldErrorKind.NotPermitted, "CREDENTIAL_REQUIRED",
            $"{operation.Name} needs a Refold credential (an org API key or a session token) and none is configured."),
        (AuthLevel.Org, SessionTokenCredential) => RefoldErrorMapper.Local(operation, RefoldErrorKind.NotPermitted, "ORG_KEY_REQUIRED",
            $"{operation.Name} is an org-level operation: it needs the org API key, and a linked-account session token may not call it.",
            hint: "Ask the operator for an org API key, or use an operation that works for a linked account."),
        (AuthLevel.Account, ApiKeyCredential) => RefoldErrorMapper.Local(operation, RefoldErrorKind.NotPermitted, "SESSION_TOKEN_REQUIRED",
            $"{operation.Name} acts as a linked account and only accepts that account's session token, not the org API key.",
            hint: "Mint a token with generate_session_token (linked_account_id = the account) and call with it."),
        _ => null,
    };
}
