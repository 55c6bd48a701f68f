using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Http;

namespace Refold.Mcp.Server.Tests.Http;

/// <summary>The session and credential-cache settings: their flags, defaults and the cache's eviction.</summary>
public sealed class SessionOptionsTests
{
    [Fact]
    public void Parse_SessionFlags_AllSet()
    {
        var options = CommandLine.Parse(["--transport", "http", "--max-sessions-per-credential", "7", "--session-idle-timeout", "15",
            "--credential-recheck", "60", "--max-cached-credentials=500"]);

        Assert.Equal(7, options.Sessions.MaxSessionsPerCredential);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Sessions.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Sessions.RecheckInterval);
        Assert.Equal(500, options.Sessions.MaxCachedCredentials);
    }

    [Fact]
    public void Parse_NoSessionFlags_SaneDefaults()
    {
        var sessions = CommandLine.Parse([]).Sessions;

        Assert.Equal(TimeSpan.FromMinutes(30), sessions.IdleTimeout);
        Assert.InRange(sessions.MaxSessionsPerCredential, 10, 1000);
    }

    [Theory]
    [InlineData("--max-sessions-per-credential", "0")]
    [InlineData("--session-idle-timeout", "-5")]
    [InlineData("--credential-recheck", "soon")]
    public void Parse_BadSessionValue_UsageErrorNamingOption(string flag, string value)
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse([flag, value]));

        Assert.Contains(flag, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BoundedCache_OverCapacity_ForgetsOnlyTheLeastRecentlyUsed()
    {
        var cache = new BoundedCache<string>(3);
        cache.Set("a", "A");
        cache.Set("b", "B");
        cache.Set("c", "C");
        Assert.Equal("A", cache.Get("a"));

        cache.Set("d", "D");

        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Get("b"));
        Assert.Equal("A,C,D", string.Join(",", cache.Get("a"), cache.Get("c"), cache.Get("d")));
    }
}
