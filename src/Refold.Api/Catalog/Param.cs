namespace Refold.Api.Catalog;

/// <summary>Short constructors for <see cref="Parameter"/> declarations, and the parameters many operations share.</summary>
public static class Param
{
    public static Parameter Path(string name, string description) =>
        new() { Name = name, In = ParameterLocation.Path, Type = ParameterType.String, Required = true, Description = description };

    public static Parameter Query(string name, string description, ParameterType type = ParameterType.String, bool required = false) =>
        new() { Name = name, In = ParameterLocation.Query, Type = type, Required = required, Description = description };

    public static Parameter Header(string name, string description, bool required = false) =>
        new() { Name = name, In = ParameterLocation.Header, Type = ParameterType.String, Required = required, Description = description };

    public static Parameter Body(string name, string description, ParameterType type = ParameterType.String, bool required = false) =>
        new() { Name = name, In = ParameterLocation.Body, Type = type, Required = required, Description = description };

    /// <summary>An object argument whose members become the whole JSON body (merged with any named body fields).</summary>
    public static Parameter WholeBody(string name, string description, bool required = false) =>
        new() { Name = name, In = ParameterLocation.Body, Type = ParameterType.Object, Required = required, Description = description, Spread = true };

    /// <summary>1-based page number.</summary>
    /// <remarks>Said once (server instructions, describe_operation's paging note) and not listed on each tool.</remarks>
    public static Parameter Page { get; } = Query("page", "Page number, from 1 (default 1).", ParameterType.Integer) with { DescribedOnce = true, Unlisted = true };

    /// <summary>Page size.</summary>
    /// <remarks>Said once, like <see cref="Page"/>; an operation with another default lists its own, described.</remarks>
    public static Parameter Limit { get; } = Query("limit", "Items per page (default 10).", ParameterType.Integer) with { DescribedOnce = true, Unlisted = true };

    /// <summary>
    /// The linked account an org-key call acts for; a session token carries its own and ignores this. The rest (needed
    /// with an org key, left out with a session token) is said once, in the server instructions.
    /// </summary>
    public static Parameter LinkedAccountHeader { get; } = Header("linked_account_id", AccountDescription) with { DescribedOnce = true };

    /// <summary>Same as <see cref="LinkedAccountHeader"/> but Refold insists on it for this operation.</summary>
    public static Parameter RequiredLinkedAccountHeader { get; } = LinkedAccountHeader with { Required = true };

    /// <summary>What <c>linked_account_id</c> is, wherever a tool takes it.</summary>
    public const string AccountDescription = "The customer's account_id (from list_linked_accounts).";

    /// <summary>What <c>slug</c> is, wherever a tool takes an app's slug; said once, in the server instructions.</summary>
    public const string SlugDescription = "An application's slug, e.g. 'hubspot' (from list_applications).";

    /// <summary>The application slug in the path.</summary>
    public static Parameter SlugPath { get; } = Path("slug", SlugDescription) with { DescribedOnce = true };

    /// <summary>The application slug in the JSON body.</summary>
    public static Parameter SlugBody(bool required = true) => Body("slug", SlugDescription, required: required) with { DescribedOnce = true };

    /// <summary>The application slug sent as a header.</summary>
    public static Parameter SlugHeader(bool required = true) => Header("slug", SlugDescription, required) with { DescribedOnce = true };
}
