using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;

namespace Refold.Mcp.Server.Tests.Hosting;

/// <summary>The Refold client's limits from a --config file, REFOLD_* variables and flags, later ones winning.</summary>
public sealed class RefoldSettingsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"refold-settings-{Guid.NewGuid():N}.json");

    [Fact]
    public void Bind_FileEnvironmentAndFlags_LaterSourcesWin()
    {
        File.WriteAllText(_file, """{ "Refold": { "CallDeadline": "00:00:40", "AttemptTimeout": 12, "Headroom": 0.2, "MaxRetries": 1, "OrgId": "org_file" } }""");
        var options = CommandLine.Parse(["--config", _file, "--deadline", "30", "--org-id", "org_flag"]);
        var environment = new Dictionary<string, string> { ["REFOLD_DEADLINE"] = "35", ["REFOLD_RETRIES"] = "2", ["REFOLD_RATE"] = "50" };

        var bound = new RefoldOptions();
        RefoldSettings.Bind(bound, options, name => environment.GetValueOrDefault(name));

        Assert.Equal(TimeSpan.FromSeconds(30), bound.CallDeadline);
        Assert.Equal(TimeSpan.FromSeconds(12), bound.AttemptTimeout);
        Assert.Equal(2, bound.MaxRetries);
        Assert.Equal(50, bound.PermitsPerSecond);
        Assert.Equal(40, bound.EffectivePermitsPerSecond);
        Assert.Equal("org_flag", bound.OrgId);
    }

    [Fact]
    public void Bind_NothingGiven_KeepsTheDefaults()
    {
        var bound = new RefoldOptions();
        RefoldSettings.Bind(bound, CommandLine.Parse([]), _ => null);

        Assert.Equal(TimeSpan.FromSeconds(45), bound.CallDeadline);
        Assert.Equal(18, bound.EffectivePermitsPerSecond);
        Assert.Equal(4, bound.EffectiveBurst);
        Assert.Null(bound.OrgId);
    }

    [Theory]
    [InlineData("--deadline", "soon", "--deadline must be a number of seconds, got 'soon'.")]
    [InlineData("--headroom", "1.5", "Headroom must be at least 0 and below 1")]
    [InlineData("--burst", "0", "Burst must be between 1 and 10000, got 0.")]
    [InlineData("--config", "missing.json", "--config: no file at 'missing.json'.")]
    public void Bind_BadValue_UsageErrorNamesIt(string flag, string value, string expected)
    {
        var options = CommandLine.Parse([flag, value]);

        var error = Assert.Throws<UsageException>(() => RefoldSettings.Bind(new RefoldOptions(), options, _ => null));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_BadVariable_UsageErrorNamesTheVariable()
    {
        var error = Assert.Throws<UsageException>(() => RefoldSettings.Bind(new RefoldOptions(), CommandLine.Parse([]), n => n == "REFOLD_RATE" ? "fast" : null));
        Assert.Equal("REFOLD_RATE must be a number, got 'fast'.", error.Message);
    }

    public void Dispose() => File.Delete(_file);
}
