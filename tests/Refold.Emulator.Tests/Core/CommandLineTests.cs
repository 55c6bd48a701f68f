namespace Refold.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_AllFlags_SetTheOptions()
    {
        var o = EmulatorCommandLine.Parse(["--urls", "http://127.0.0.1:5099", "--api-key", "pk_live_x", "--data", "state.json", "--latency-ms", "250",
            "--error-rate", "0.1", "--storm-rate", "0.05", "--storm-length", "4", "--drop-rate", "0.02", "--drop-after-rate", "0.03", "--fault-seed", "42", "--fault-ops", "list_webhooks, get_webhook", "--no-rate-limit"]);
        Assert.Equal("http://127.0.0.1:5099", o.Urls);
        Assert.Equal("pk_live_x", o.ApiKey);
        Assert.Equal("state.json", o.DataPath);
        Assert.Equal(TimeSpan.FromMilliseconds(250), o.Faults.Latency);
        Assert.Equal(0.1, o.Faults.ErrorRate);
        Assert.Equal(0.05, o.Faults.StormRate);
        Assert.Equal(4, o.Faults.StormLength);
        Assert.Equal(0.02, o.Faults.DropRate);
        Assert.Equal(0.03, o.Faults.DropAfterRate);
        Assert.Equal(42, o.Faults.Seed);
        Assert.Equal(["list_webhooks", "get_webhook"], o.Faults.Operations);
        Assert.False(o.RateLimit.Enabled);
    }

    [Fact]
    public void Parse_Nothing_GivesLoopbackAndTheDocumentedKey()
    {
        var o = EmulatorCommandLine.Parse([]);
        Assert.Equal("http://127.0.0.1:0", o.Urls);
        Assert.Equal(EmulatorDefaults.ApiKey, o.ApiKey);
        Assert.Null(o.DataPath);
        Assert.True(o.RateLimit.Enabled);
    }

    [Theory]
    [InlineData("--api-key", "sk_wrong")]
    [InlineData("--error-rate", "lots")]
    [InlineData("--bogus", "1")]
    public void Parse_BadArgument_ThrowsNamingIt(string flag, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse([flag, value]));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Theory]
    [InlineData("--error-rate", "2", "--error-rate must be a number from 0 to 1, got '2'.")]
    [InlineData("--storm-length", "0", "--storm-length must be a whole number from 1 to 1000000, got '0'.")]
    [InlineData("--api-key", "sk_wrong", "--api-key must start with 'tk' (test environment) or 'pk' (production), as Refold's keys do.")]
    public void Parse_BadValue_OneLineNamingTheFlagAndWhatIsAllowed(string flag, string value, string expected) =>
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse([flag, value])).Message);

    [Fact]
    public void Usage_GeneratedFromTheFlags_ListsEveryOne() =>
        Assert.All(EmulatorCommandLine.Flags, f => Assert.Contains(f.Name, EmulatorCommandLine.Usage, StringComparison.Ordinal));

    [Fact]
    public async Task Start_ProductionKey_SeedsTheProductionEnvironment()
    {
        await using var emulator = await RefoldEmulator.StartAsync(new EmulatorOptions { ApiKey = "pk_demo_prod" });
        Assert.Equal("production", emulator.State.PartitionForApiKey("pk_demo_prod")!.Environment);
        Assert.Equal(2, emulator.State.PartitionForApiKey("pk_demo_prod")!.Collection(State.Collections.LinkedAccounts).Count);
        Assert.Equal("127.0.0.1", emulator.BaseUrl.Host);
        Assert.NotEqual(0, emulator.BaseUrl.Port);
    }
}
