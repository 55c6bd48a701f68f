namespace Refold.Api.Catalog;

/// <summary>
/// One Refold REST operation, declared once in the file of its resource group. The HTTP request,
/// the MCP tool, retry eligibility, the emulator route and the contract tests all derive from it.
/// </summary>
public sealed record Operation
{
    /// <summary>Tool name, snake_case, as in the project's operation list.</summary>
    public required string Name { get; init; }

    public required OperationGroup Group { get; init; }

    /// <summary>Short human title (the MCP tool title).</summary>
    public required string Title { get; init; }

    /// <summary>For an agent choosing a tool: what it does, when to use it, what comes back, which id to pass.</summary>
    public required string Description { get; init; }

    public required HttpMethod Method { get; init; }

    /// <summary>Route template relative to the base URL, with <c>{placeholders}</c> for path parameters.</summary>
    public required string Route { get; init; }

    public required AuthLevel Auth { get; init; }

    public required ToolHints Hints { get; init; }

    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    public Pagination Pagination { get; init; } = Pagination.None;

    /// <summary>HTTP status Refold answers on success.</summary>
    public int SuccessStatus { get; init; } = 200;

    /// <summary>Refold still serves it but documents a replacement.</summary>
    public bool Deprecated { get; init; }

    /// <summary>Only hinted at by Refold's sources (changelog, SDK); its shape is our best reading.</summary>
    public bool Inferred { get; init; }

    /// <summary>The tool arguments: parameters merged by name, in declaration order.</summary>
    public IReadOnlyList<Argument> Arguments => _arguments ??= Argument.Of(this);

    private IReadOnlyList<Argument>? _arguments;

    public override string ToString() => $"{Name} ({Method} {Route})";
}
