using Refold.Emulator.Core;
using Refold.Emulator.State;

namespace Refold.Emulator.Seed;

/// <summary>
/// Seeds the demo org on a first start: the org with the configured API key, then each group's demo data in
/// registration order (see each group's <c>Seed</c> and the emulator README's "Seeded demo org" section).
/// </summary>
public static class DemoOrg
{
    /// <summary>First seeded linked account: Globex Corp, with HubSpot, Zendesk, Slack and the default app connected.</summary>
    public const string GlobexAccount = "acct_globex";

    /// <summary>Second seeded linked account: Initech, with Salesforce and Stripe connected and an expired GitHub connection.</summary>
    public const string InitechAccount = "acct_initech";

    internal static OrgRecord Seed(EmulatorState state, string apiKey, IEnumerable<EmulatorGroup> groups, string orgId = EmulatorDefaults.OrgId, string name = EmulatorDefaults.OrgName)
    {
        if (state.FindApiKey(apiKey) is not null)
        {
            throw new ArgumentException("That API key already opens an org; a demo org needs a key of its own.", nameof(apiKey));
        }

        var org = state.AddOrg(apiKey, orgId, name);
        var seed = new DemoSeed(state, org, state.PartitionForApiKey(apiKey)!);
        foreach (var group in groups)
        {
            group.Seed(seed);
        }

        return org;
    }
}
