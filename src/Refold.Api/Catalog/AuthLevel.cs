namespace Refold.Api.Catalog;

/// <summary>Which credential an operation accepts, as Refold enforces it.</summary>
public enum AuthLevel
{
    /// <summary>Public: no credential at all.</summary>
    None,

    /// <summary>Org API key only (<c>x-api-key</c>); a session token is refused.</summary>
    Org,

    /// <summary>A linked-account session token only (<c>Authorization: Bearer</c>).</summary>
    Account,

    /// <summary>Linked-account scoped: org key plus <c>linked_account_id</c>, or a session token alone.</summary>
    Either,
}
