namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// Committed snapshots in <c>tests/Refold.Mcp.Server.Tests/Snapshots</c>. Regenerate them with
/// <c>UPDATE_SNAPSHOTS=1 dotnet test tests/Refold.Mcp.Server.Tests --filter SnapshotTests</c> and review the diff.
/// </summary>
internal static class Snapshots
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    public static string PathOf(string name) => Path.Combine(Directory(), name);

    public static string Directory() => Path.Combine(RepositoryRoot(), "tests", "Refold.Mcp.Server.Tests", "Snapshots");

    /// <summary>The checkout the tests run from (the folder holding <c>Refold.Mcp.sln</c>).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Refold.Mcp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find Refold.Mcp.sln above the test binaries.");
    }
}
