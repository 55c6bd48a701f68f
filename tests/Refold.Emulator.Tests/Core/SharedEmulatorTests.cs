using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests;

/// <summary>One emulator per test class hosts a fresh seeded org per test, and the orgs share no data.</summary>
public sealed class SharedEmulatorTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    [Fact]
    public async Task FreshOrg_ChangesInAnother_AreInvisibleAndTheSeedIsWhole()
    {
        await using var first = await emulator.FreshOrgAsync();
        await using var second = await emulator.FreshOrgAsync();
        await first.Org().SendAsync("delete_linked_account", Js.O(("linked_account_id", DemoOrg.InitechAccount)));
        await first.Org().SendAsync("create_linked_account", Js.O(("account_id", "acct_only_first")));

        var seen = (await second.Org().SendAsync("list_linked_accounts", Js.O(("limit", 100)))).A("docs").Select(a => a.S("account_id")).Order().ToList();

        Assert.Equal([DemoOrg.GlobexAccount, DemoOrg.InitechAccount], seen);
        Assert.NotEqual(first.OrgId, second.OrgId);
        Assert.Same(first.Emulator, second.Emulator);
        var stranger = await EmulatorFixture.FailsAsync(second.WithKey(first.ApiKey).SendAsync("get_linked_account", Js.O(("linked_account_id", "acct_nope"))));
        Assert.Contains(first.OrgId, stranger.Message, StringComparison.Ordinal);
    }
}
