using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;

namespace Refold.Mcp.Server.Tests.Hosting;

/// <summary>The Refold client's limits from a --config file, REFOLD_* variables and flags, as the client gets them.</summary>
public sealed class RefoldSettingsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"refold-settings-{Guid.NewGuid():N}.json");

    [Fact]
    public void Bind_FileEnvironmentAndFlags_LaterSourcesWin()
    {
        File.WriteAllText(_file, """{ "Refold": { "CallDeadline": "00:00:40", "AttemptTimeout": 12, "Headroom": 0.2, "MaxRetries": 1, "OrgId": "org_file", "BreakerDuration": 7 } }""");
        var environment = new Dictionary<string, string> { ["REFOLD_DEADLINE"] = "35", ["REFOLD_RETRIES"] = "2", ["REFOLD_RATE"] = "50" };

        var bound = Bind(["--config", _file, "--deadline", "30", "--org-id", "org_flag"], environment.GetValueOrDefault);

        Assert.Equal(TimeSpan.FromSeconds(30), bound.CallDeadline);
        Assert.Equal(TimeSpan.FromSeconds(12), bound.AttemptTimeout);
        Assert.Equal(2, bound.MaxRetries);
        Assert.Equal(50, bound.PermitsPerSecond);
        Assert.Equal(40, bound.EffectivePermitsPerSecond);
        Assert.Equal("org_flag", bound.OrgId);
        Assert.Equal(TimeSpan.FromSeconds(7), bound.BreakerDuration);
    }

    [Fact]
    public void Bind_NothingGiven_KeepsTheDefaults()
    {
        var bound = Bind([], _ => null);

        Assert.Equal(TimeSpan.FromSeconds(45), bound.CallDeadline);
        Assert.Equal(18, bound.EffectivePermitsPerSecond);
        Assert.Equal(4, bound.EffectiveBurst);
        Assert.Null(bound.OrgId);
    }

    [Theory]
    [InlineData("--headroom", "1.5", "Refold settings (flags and REFOLD_* variables): Headroom must be at least 0 and below 1")]
    [InlineData("--burst", "0", "Refold settings (flags and REFOLD_* variables): Burst must be between 1 and 10000, got 0.")]
    public void Bind_OutOfRange_UsageErrorNamesIt(string flag, string value, string expected)
    {
        var error = Assert.Throws<UsageException>(() => Bind([flag, value], _ => null));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    private static RefoldOptions Bind(string[] args, Func<string, string?> environment)
    {
        var bound = new RefoldOptions();
        RefoldSettings.Bind(bound, ServerSettings.Resolve(CommandLine.Parse(args), environment));
        return bound;
    }

    public void Dispose() => File.Delete(_file);
}
