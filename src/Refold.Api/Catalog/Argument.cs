namespace Refold.Api.Catalog;

/// <summary>
/// One tool argument: the parameters of an operation that share a name, merged. This is the view both the
/// input schema and the argument validator use, so they can never disagree.
/// </summary>
public sealed record Argument(string Name, ParameterType Type, string Description, bool Required, IReadOnlyList<string>? Enum, IReadOnlyList<Parameter> Declarations)
{
    /// <summary>True for the <c>linked_account_id</c> header, which a credential can supply instead of the caller.</summary>
    public bool IsAccountScope => Declarations.Any(p => p.In == ParameterLocation.Header && p.Name == Param.LinkedAccountHeader.Name);

    internal static IReadOnlyList<Argument> Of(IReadOnlyList<Parameter> parameters) =>
        [.. parameters
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                return new Argument(first.Name, first.Type, first.Description, g.Any(p => p.Required), first.Enum, [.. g]);
            })];
}
