using Refold.Emulator.State;

namespace Refold.Emulator.Seed;

/// <summary>What a group's <see cref="Core.EmulatorGroup.Seed"/> gets: the demo org's partition and the clock.</summary>
public sealed class DemoSeed
{
    internal DemoSeed(EmulatorState state, OrgRecord org, Partition partition)
    {
        State = state;
        Org = org;
        Partition = partition;
    }

    public EmulatorState State { get; }

    public OrgRecord Org { get; }

    /// <summary>The demo org's partition in the environment of the configured API key.</summary>
    public Partition Partition { get; }

    /// <summary>The two seeded linked accounts (their account_id).</summary>
    public static IReadOnlyList<string> LinkedAccountIds { get; } = [DemoOrg.GlobexAccount, DemoOrg.InitechAccount];

    /// <summary>A timestamp <paramref name="ago"/> before now, as Refold writes it.</summary>
    public string Ago(TimeSpan ago) => EmulatorState.Iso(State.Now - ago);
}
