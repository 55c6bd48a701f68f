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

    /// <summary>
    /// An id taken from <paramref name="source"/>'s results (e.g. <c>table_id</c> from <c>list_tables</c>): described once,
    /// in the server instructions, which name the source. Its description (read only in an error naming the argument)
    /// is what <paramref name="parameter"/> says, if anything, followed by the source.
    /// </summary>
    public static Parameter From(this Parameter parameter, string source) => parameter with
    {
        DescribedOnce = true,
        Source = source,
        Description = parameter.Description.Length == 0 ? $"From {source}." : $"{parameter.Description} (from {source}).",
    };

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
    public static Parameter LinkedAccountHeader { get; } = AccountId(Header("linked_account_id", AccountDescription));

    /// <summary>Same as <see cref="LinkedAccountHeader"/> but Refold insists on it for this operation.</summary>
    public static Parameter RequiredLinkedAccountHeader { get; } = LinkedAccountHeader with { Required = true };

    /// <summary>What <c>linked_account_id</c> is, wherever a tool takes it (<see cref="AccountId"/> adds its source).</summary>
    public const string AccountDescription = "The customer's account_id";

    /// <summary>A <c>linked_account_id</c> declaration: from <c>list_linked_accounts</c>, said once.</summary>
    public static Parameter AccountId(Parameter parameter) => parameter.From("list_linked_accounts");

    /// <summary>What <c>slug</c> is, wherever a tool takes an app's slug; said once, in the server instructions.</summary>
    private const string SlugDescription = "An application's slug, e.g. 'hubspot'";

    private static Parameter Slug(Parameter parameter) => parameter.From("list_applications");

    /// <summary>The application slug in the path.</summary>
    public static Parameter SlugPath { get; } = Slug(Path("slug", SlugDescription));

    /// <summary>The application slug in the JSON body.</summary>
    public static Parameter SlugBody(bool required = true) => Slug(Body("slug", SlugDescription, required: required));

    /// <summary>The application slug sent as a header.</summary>
    public static Parameter SlugHeader(bool required = true) => Slug(Header("slug", SlugDescription, required));
}
