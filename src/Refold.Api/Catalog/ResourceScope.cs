namespace Refold.Api.Catalog;

/// <summary>Whose resources an operation acts on: one linked account's, or the whole org's (every tenant's).</summary>
public enum ResourceScope
{
    /// <summary>One linked account's data (its config, workflows, executions, credentials), or nothing stored at all.</summary>
    Account,

    /// <summary>Resources shared by every linked account of the org (webhooks, MCP servers, event definitions, tables, ...).</summary>
    Org,
}
