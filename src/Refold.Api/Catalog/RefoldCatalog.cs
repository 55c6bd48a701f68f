using System.Collections.Frozen;
using Refold.Api.Operations;

namespace Refold.Api.Catalog;

/// <summary>Every operation of the Refold public API, gathered from the group files in <c>Operations/</c>.</summary>
public static class RefoldCatalog
{
    /// <summary>The groups, in the order Refold's documentation presents them.</summary>
    public static IReadOnlyList<OperationGroup> Groups { get; } =
    [
        LinkedAccounts.Group, Applications.Group, AuthStructure.Group, Credentials.Group, SessionTokens.Group,
        HostedConnect.Group, Webhooks.Group, Configs.Group, Events.Group, Workflows.Group, Executions.Group,
        Schedules.Group, Datarefs.Group, Tables.Group, EnvironmentVariables.Group, McpServers.Group,
        HumanTasks.Group, Datastores.Group, Audit.Group,
    ];

    public static IReadOnlyList<Operation> Operations { get; } =
    [
        .. LinkedAccounts.All, .. Applications.All, .. AuthStructure.All, .. Credentials.All, .. SessionTokens.All,
        .. HostedConnect.All, .. Webhooks.All, .. Configs.All, .. Events.All, .. Workflows.All, .. Executions.All,
        .. Schedules.All, .. Datarefs.All, .. Tables.All, .. EnvironmentVariables.All, .. McpServers.All,
        .. HumanTasks.All, .. Datastores.All, .. Audit.All,
    ];

    private static readonly FrozenDictionary<string, Operation> s_byName =
        Operations.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);

    /// <summary>The operation with this tool name, or null.</summary>
    public static Operation? Find(string name) => s_byName.GetValueOrDefault(name);

    /// <summary>The group's first current <c>list_</c> operation (where an agent sees what exists), or null.</summary>
    public static Operation? ListOperationOf(OperationGroup group) =>
        Operations.FirstOrDefault(o => o.Group == group && o.Name.StartsWith("list_", StringComparison.Ordinal) && !o.Deprecated);
}
