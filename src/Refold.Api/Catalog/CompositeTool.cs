namespace Refold.Api.Catalog;

/// <summary>
/// A tool whose behaviour is written by hand from several operations (for example run-and-wait). It never gets a
/// route; its schema, validation and annotations come from this declaration like those of an <see cref="Operation"/>.
/// </summary>
public sealed record CompositeTool : ToolDeclaration
{
    /// <summary>Every operation the tool may send; it is offered only to sessions that may call all of them.</summary>
    public required IReadOnlyList<Operation> Calls { get; init; }

    public override string ToString() => $"{Name} (composite of {string.Join(", ", Calls.Select(c => c.Name))})";
}
