using Refold.Emulator.Core;

namespace Refold.Emulator.Groups;

/// <summary>
/// The one registration list: every resource group the emulator serves, one line each. Order matters only for
/// seeding (linked accounts first, since other groups' demo data refers to them).
/// </summary>
public static class EmulatorGroups
{
    /// <summary>Fresh instances of every group.</summary>
    public static IReadOnlyList<EmulatorGroup> Create() =>
    [
        new LinkedAccountsGroup(),
        new ApplicationsGroup(),
        new AuthStructureGroup(),
        new CredentialsGroup(),
        new SessionTokensGroup(),
        new HostedConnectGroup(),
        new WebhooksGroup(),
        new ConfigsGroup(),
        new McpServersGroup(),
        new DatastoresGroup(),

        new WorkflowsGroup(),
        new ExecutionsGroup(),
        new HumanTasksGroup(),
        new EventsGroup(),
        new SchedulesGroup(),

        new DatarefsGroup(),
        new TablesGroup(),
        new EnvironmentVariablesGroup(),
        new AuditGroup(),
    ];
}
