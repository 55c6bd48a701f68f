using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class HostedConnectTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    [Fact]
    public async Task CreateConnectUrl_Properties_AreServedBackForThreeDays()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var session = f.Session(token);
        var created = await session.SendAsync("create_connect_url", Js.O(("linked_account_id", DemoOrg.GlobexAccount), ("config_id", "staging"),
            ("properties", Js.O(("base_color", "#0E7C86"), ("redirect_url", "https://globex.example.com/done")))));
        var url = created.S("hosted_url")!;
        Assert.StartsWith(f.Emulator.BaseUrl + "connect/" + token, url);
        Assert.EndsWith("?config_id=staging", url);

        var properties = await session.SendAsync("get_hosted_properties");
        Assert.Equal("#0E7C86", properties.S("base_color"));

        f.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal("{}", (await session.SendAsync("get_hosted_properties"))!.ToJsonString());
    }

    [Fact]
    public async Task CreateConnectUrl_OtherAccountInQuery_Is403()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var error = await EmulatorFixture.FailsAsync(f.Session(token).SendAsync("create_connect_url",
            Js.O(("linked_account_id", DemoOrg.InitechAccount), ("properties", Js.O()))));
        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task GetHostedProperties_OtherTokenOfSameAccount_SeesNothing()
    {
        await using var f = await emulator.FreshOrgAsync();
        var first = await f.TokenForAsync(DemoOrg.GlobexAccount);
        await f.Session(first).SendAsync("create_connect_url", Js.O(("linked_account_id", DemoOrg.GlobexAccount), ("properties", Js.O(("plan", "pro")))));
        var second = await f.TokenForAsync(DemoOrg.GlobexAccount);
        Assert.Equal("{}", (await f.Session(second).SendAsync("get_hosted_properties"))!.ToJsonString());
    }
}
