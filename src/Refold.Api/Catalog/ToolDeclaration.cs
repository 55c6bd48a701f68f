namespace Refold.Api.Catalog;

/// <summary>
/// What every tool is declared with, whether it is one REST operation (<see cref="Operation"/>) or a composite tool
/// written by hand on top of the client (<see cref="CompositeTool"/>): the input schema, the argument validation, the
/// annotations and the credential rules all read these members and nothing else.
/// </summary>
public abstract record ToolDeclaration
{
    /// <summary>Tool name, snake_case.</summary>
    public required string Name { get; init; }

    public required OperationGroup Group { get; init; }

    /// <summary>Short human title (the MCP tool title).</summary>
    public required string Title { get; init; }

    /// <summary>For an agent choosing a tool: what it does, when to use it, what comes back, which id to pass.</summary>
    public required string Description { get; init; }

    public required AuthLevel Auth { get; init; }

    /// <summary>True for every call the tool can make.</summary>
    public required ToolHints Hints { get; init; }

    /// <remarks>Setting it (also through <c>with</c>) drops the merged <see cref="Arguments"/>, so a derived declaration never keeps its original's.</remarks>
    public IReadOnlyList<Parameter> Parameters
    {
        get => _parameters;
        init
        {
            _parameters = value;
            _arguments = null;
        }
    }

    private readonly IReadOnlyList<Parameter> _parameters = [];

    /// <summary>The tool arguments: parameters merged by name, in declaration order.</summary>
    public IReadOnlyList<Argument> Arguments => _arguments ??= Argument.Of(Parameters);

    private IReadOnlyList<Argument>? _arguments;
}
