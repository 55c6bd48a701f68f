using Refold.Api.Client;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// What the tool list of a session depends on about its credential: its kind, and whether it names a linked
/// account (then <c>linked_account_id</c> becomes optional). Never the secret itself.
/// </summary>
public enum CredentialShape
{
    /// <summary>No credential: only public operations.</summary>
    None,

    /// <summary>Org API key without a default linked account.</summary>
    OrgKey,

    /// <summary>Org API key bound to a default linked account.</summary>
    OrgKeyWithAccount,

    /// <summary>A linked-account session token.</summary>
    SessionToken,
}

public static class CredentialShapes
{
    public static CredentialShape Of(RefoldCredential? credential) => credential switch
    {
        null => CredentialShape.None,
        SessionTokenCredential => CredentialShape.SessionToken,
        { LinkedAccountId: not null } => CredentialShape.OrgKeyWithAccount,
        _ => CredentialShape.OrgKey,
    };

    /// <summary>True when the credential already names the linked account to act for.</summary>
    public static bool SuppliesAccount(this CredentialShape shape) => shape is CredentialShape.OrgKeyWithAccount or CredentialShape.SessionToken;
}
