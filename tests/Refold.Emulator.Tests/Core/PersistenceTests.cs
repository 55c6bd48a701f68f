using Microsoft.Extensions.Time.Testing;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("refold-emulator-").FullName;

    private string DataPath => Path.Combine(_dir, "state.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Restart_WithDataPath_KeepsRecordsAndTokens()
    {
        var clock = new FakeTimeProvider(EmulatorFixture.Start);
        string token, webhookId;
        await using (var f = await EmulatorFixture.StartAsync(o => o.DataPath = DataPath, clock))
        {
            await f.Org().SendAsync("create_linked_account", Js.O(("account_id", "acct_kept"), ("name", "Kept")));
            webhookId = (await f.Org().SendAsync("create_webhook", Js.O(("webhook_url", "https://kept.example.com"), ("webhook_events", new System.Text.Json.Nodes.JsonArray("Connection Deleted"))))).S("_id")!;
            token = await f.TokenForAsync("acct_kept");
            await f.Org().SendAsync("delete_linked_account", Js.O(("linked_account_id", DemoOrg.InitechAccount)));
        }

        Assert.True(File.Exists(DataPath));
        await using (var f = await EmulatorFixture.StartAsync(o => o.DataPath = DataPath, clock))
        {
            Assert.True(f.Emulator.State.Loaded);
            var accounts = await f.Org().SendAsync("list_linked_accounts");
            Assert.Equal(["acct_globex", "acct_kept"], accounts.A("docs").Select(d => d.S("account_id")!).Order().ToArray());
            Assert.Equal("https://kept.example.com", (await f.Org().SendAsync("get_webhook", Js.O(("id", webhookId)))).S("webhook_url"));
            var active = await f.Session(token).SendAsync("get_active_linked_account");
            Assert.Equal("acct_kept", active.S("account_id"));
        }
    }

    [Fact]
    public async Task Change_WithDataPath_IsOnDiskBeforeStop()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o.DataPath = DataPath);
        await f.Org().SendAsync("create_linked_account", Js.O(("account_id", "acct_durable")));
        Assert.Contains("acct_durable", await File.ReadAllTextAsync(DataPath));
    }

    [Fact]
    public async Task Start_WithoutDataPath_LeavesNoFileAndStartsSeededEachTime()
    {
        await using (var f = await EmulatorFixture.StartAsync())
        {
            await f.Org().SendAsync("create_linked_account", Js.O(("account_id", "acct_gone")));
        }

        await using var again = await EmulatorFixture.StartAsync();
        var accounts = await again.Org().SendAsync("list_linked_accounts");
        Assert.Equal(2, accounts!["totalDocs"]!.GetValue<int>());
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Start_CorruptDataFile_FailsNamingTheFile()
    {
        await File.WriteAllTextAsync(DataPath, "{ not json");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => RefoldEmulator.StartAsync(new EmulatorOptions { DataPath = DataPath }));
        Assert.Contains(DataPath, e.Message);
    }
}
