namespace Refold.Api.Catalog;

/// <summary>
/// How to tell whether a call that is not idempotent took effect when its answer was lost: the read that shows it,
/// which of the call's own arguments to pass to that read, and what to look for. Declared on the operation
/// (<see cref="Operation.OutcomeCheck"/>); <see cref="Of"/> falls back to the group's list operation.
/// </summary>
public sealed record OutcomeCheck
{
    /// <summary>Name of the read operation that shows whether the call took effect; null when Refold has none.</summary>
    public string? Read { get; init; }

    /// <summary>What to look for in the read's result (or, without a read, where to look), e.g. "a run of this workflow".</summary>
    public required string LookFor { get; init; }

    /// <summary>
    /// Arguments of the read filled from the call's: (read argument, call argument), first given value wins. The
    /// linked account passes through on its own when both operations take <c>linked_account_id</c>.
    /// </summary>
    public IReadOnlyList<(string Read, string From)> Arguments { get; init; } = [];

    /// <summary>The read's argument that takes the time the call was sent (e.g. <c>start_date</c>), to see only what happened since.</summary>
    public string? Since { get; init; }

    /// <summary>
    /// The check for <paramref name="operation"/>: an operation's own, else "find the new record" in its group's list
    /// operation, else null. Only meaningful for tools that are not idempotent.
    /// </summary>
    public static OutcomeCheck? Of(ToolDeclaration operation) =>
        (operation as Operation)?.OutcomeCheck
        ?? (RefoldCatalog.ListOperationOf(operation.Group) is { } list
            ? new OutcomeCheck { Read = list.Name, LookFor = "the record this call would have created" }
            : null);
}
