namespace Refold.Api.Tests.Support;

/// <summary>Finds the project's shared reference data (<c>../shared</c> beside the repository).</summary>
internal static class SharedFiles
{
    public static string RefoldApi(string file) => Path.Combine(Root(), "refold-api", file);

    private static string Root()
    {
        if (Environment.GetEnvironmentVariable("REFOLD_SHARED_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Refold.Mcp.sln")))
            {
                var shared = Path.Combine(dir.Parent!.FullName, "shared");
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"Expected the shared reference data beside the repository, at {shared}; set REFOLD_SHARED_DIR to override.");
            }
        }

        throw new DirectoryNotFoundException("Could not find Refold.Mcp.sln above the test binaries.");
    }
}
