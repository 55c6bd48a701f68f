namespace Refold.Api.Catalog;

/// <summary>A resource group of the Refold API; also the unit a user selects as a toolset.</summary>
/// <param name="Id">Toolset id, snake_case (for example <c>linked_accounts</c>).</param>
/// <param name="Title">Human title as Refold's documentation names the group.</param>
/// <param name="Description">One sentence for an agent: what the group is for.</param>
public sealed record OperationGroup(string Id, string Title, string Description);
