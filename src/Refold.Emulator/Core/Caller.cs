namespace Refold.Emulator.Core;

/// <summary>How a request authenticated.</summary>
public enum CredentialKind
{
    /// <summary>No credential (public operations).</summary>
    None,

    /// <summary>An org API key in <c>x-api-key</c>.</summary>
    ApiKey,

    /// <summary>A linked-account session token in <c>Authorization: Bearer</c>.</summary>
    SessionToken,
}

/// <summary>
/// The authenticated caller of a request: its org and environment, and the linked account it acts for
/// (resolved as Refold does: the token's claim, else the <c>linked_account_id</c> header, else the query).
/// </summary>
public sealed record Caller
{
    public static Caller Anonymous { get; } = new() { Kind = CredentialKind.None };

    public required CredentialKind Kind { get; init; }

    public string? OrgId { get; init; }

    /// <summary><c>test</c> or <c>production</c>.</summary>
    public string? Environment { get; init; }

    /// <summary>The linked account (the caller-chosen account_id) the call acts for, if any.</summary>
    public string? LinkedAccountId { get; init; }

    /// <summary>The API key used, for API-key callers.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The session token's id (<c>jti</c>), for session-token callers.</summary>
    public string? TokenId { get; init; }

    /// <summary>The raw bearer token, for session-token callers.</summary>
    public string? Token { get; init; }

    public bool IsSessionToken => Kind == CredentialKind.SessionToken;

    public bool HasOrg => OrgId is not null && Environment is not null;
}
