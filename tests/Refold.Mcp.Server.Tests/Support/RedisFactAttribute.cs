namespace Refold.Mcp.Server.Tests.Support;

/// <summary>A fact that needs a real redis-server (see <see cref="RedisServer"/>): reported skipped, with the reason, where none is installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null)
        {
            Skip = "redis-server is not installed (Debian: apt-get install redis-server; .ci/run installs it)";
        }
    }
}
