using Refold.Api.Client;
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

    [Fact]
    public async Task FreshOrg_ClockMoved_ItsSeededScheduleFiresLikeAfterAStart()
    {
        await using var f = await emulator.FreshOrgAsync();

        f.Clock.Advance(TimeSpan.FromHours(15));

        var runs = (await f.ExecutionsAsync(Js.O(("execution_source", "SCHEDULE")))).Select(e => e.S("createdAt")).ToList();
        Assert.Contains(f.Stamp(TimeSpan.FromHours(14)), runs);
    }

    [Fact]
    public async Task FreshOrg_AfterATestMovedTheClock_StartsAtTheNextNoon()
    {
        DateTimeOffset earlier;
        await using (var moved = await emulator.FreshOrgAsync())
        {
            earlier = moved.StartedAt;
            moved.Clock.Advance(TimeSpan.FromHours(5));
        }

        await using var f = await emulator.FreshOrgAsync();
        var token = SessionTokenClaims.TryRead(await f.TokenForAsync(DemoOrg.GlobexAccount))!;

        Assert.Equal((earlier.AddDays(1), TimeSpan.FromHours(12)), (f.StartedAt, f.StartedAt.TimeOfDay));
        Assert.Equal(f.StartedAt, token.IssuedAt);
    }

    [Fact]
    public async Task FreshOrg_Disposed_IsGoneWithItsKeyAndData()
    {
        string key, orgId;
        await using (var gone = await emulator.FreshOrgAsync())
        {
            (key, orgId) = (gone.ApiKey, gone.OrgId);
            await gone.Org().SendAsync("create_linked_account", Js.O(("account_id", "acct_left_behind")));
        }

        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/linked-account", apiKey: key);

        Assert.Equal((401, "Invalid Credentials"), (status, body.S("message")));
        Assert.DoesNotContain(f.Emulator.State.Partitions, p => p.OrgId == orgId);
    }
}
