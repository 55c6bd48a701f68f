namespace Refold.Api.Catalog;

/// <summary>
/// One Refold REST operation, declared once in the file of its resource group (name, schema and annotations in
/// <see cref="ToolDeclaration"/>). The HTTP request,
/// the MCP tool, retry eligibility, the emulator route and the contract tests all derive from it.
/// </summary>
public sealed record Operation : ToolDeclaration
{
    public required HttpMethod Method { get; init; }

    /// <summary>Route template relative to the base URL, with <c>{placeholders}</c> for path parameters.</summary>
    public required string Route { get; init; }

    public Pagination Pagination { get; init; } = Pagination.None;

    /// <summary>
    /// Whose resources it acts on; <see cref="ResourceScope.Org"/> when they are shared by every linked account (the
    /// HTTP server keeps org-wide writes from session tokens, see <c>docs/catalog-notes.md</c>).
    /// </summary>
    public ResourceScope Scope { get; init; } = ResourceScope.Account;

    /// <summary>HTTP status Refold answers on success.</summary>
    public int SuccessStatus { get; init; } = 200;

    /// <summary>
    /// For an operation that is not idempotent: how to tell whether it took effect when its answer was lost. Without
    /// one, the group's list operation is named (see <see cref="Catalog.OutcomeCheck.Of"/>).
    /// </summary>
    public OutcomeCheck? OutcomeCheck { get; init; }

    /// <summary>Refold still serves it but documents a replacement.</summary>
    public bool Deprecated { get; init; }

    /// <summary>Only hinted at by Refold's sources (changelog, SDK); its shape is our best reading.</summary>
    public bool Inferred { get; init; }

    public override string ToString() => $"{Name} ({Method} {Route})";
}
