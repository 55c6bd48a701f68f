namespace Refold.Mcp.Server.Sessions;

/// <summary>Which account tools a session gets (<c>--workflow-tools</c>, <c>--action-tools</c>), how many at most, and how long a read of them is kept.</summary>
public sealed record AccountToolOptions(bool Workflows, bool Actions, int Max)
{
    public const int DefaultMax = 50;
    public const int HighestMax = 500;

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    public bool Any => (Workflows || Actions) && Max > 0;
}
