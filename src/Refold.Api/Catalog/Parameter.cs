namespace Refold.Api.Catalog;

/// <summary>
/// One input of an operation. The same name may be declared in two locations (for example
/// <c>linked_account_id</c> as header and query); the tool then has one argument and the client
/// sends its value to every declared location.
/// </summary>
public sealed record Parameter
{
    public required string Name { get; init; }

    public required ParameterLocation In { get; init; }

    public required ParameterType Type { get; init; }

    /// <summary>
    /// What an agent needs beyond the name, type and enum (where the value comes from, a default, a format); empty when
    /// those say it all, and then left out of the schema. A path parameter always says which id it takes and from where.
    /// </summary>
    public required string Description { get; init; }

    public bool Required { get; init; }

    /// <summary>
    /// True for a parameter many tools share whose meaning the server instructions give once (<c>linked_account_id</c>,
    /// <c>page</c>, <c>limit</c>): tool schemas then list it without its description.
    /// </summary>
    public bool DescribedOnce { get; init; }

    /// <summary>
    /// The operation (tool name) whose results give this id, e.g. <c>list_tables</c> for <c>table_id</c>; set with
    /// <see cref="Param.From"/>. The server instructions name it once, for the surface in use; a catalog test holds it to
    /// a real operation.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>
    /// True for an older or alternative name Refold also accepts for another parameter of the same operation (e.g.
    /// <c>application_data_slots</c> for <c>fields</c>), and for <c>page</c>/<c>limit</c>, which the server instructions
    /// explain once: the call takes it, tool schemas do not list it.
    /// </summary>
    public bool Unlisted { get; init; }

    /// <summary>Allowed values, when Refold documents a closed set.</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>
    /// True when the argument is an object whose members are spread into the location
    /// (the whole JSON body, or extra query parameters) instead of being sent under <see cref="Name"/>.
    /// </summary>
    public bool Spread { get; init; }

    /// <summary>The name Refold uses on the wire when it differs from the tool argument name.</summary>
    public string? WireName { get; init; }

    public string SentAs => WireName ?? Name;
}
