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
        new WorkflowsGroup(),
        new ExecutionsGroup(),
        new HumanTasksGroup(),
        new EventsGroup(),
        new SchedulesGroup(),

        // Still to come, one file and one line each: Configs, Events, Workflows, Executions, Schedules, Datarefs,
        // Tables, EnvironmentVariables, McpServers, HumanTasks, Datastores (deprecated), Audit.
    ];
}
