namespace Refold.Api.Tests.Support;

/// <summary>
/// Finds the repository and, when it is there, the project's shared reference data (<c>../shared</c> beside the
/// repository, or <c>REFOLD_SHARED_DIR</c>). Only the comparison of the in-repo contract with Refold's document
/// needs the shared data; everything else reads the repository.
/// </summary>
internal static class SharedFiles
{
    /// <summary>The repository's root (where <c>Refold.Mcp.sln</c> is).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The path of a file of the shared <c>refold-api/</c> folder (which may not exist).</summary>
    public static string RefoldApi(string file) => Path.Combine(SharedRoot(), "refold-api", file);

    /// <summary>Why the shared file cannot be read, or null when it is present.</summary>
    public static string? MissingReason(string file)
    {
        var path = RefoldApi(file);
        return File.Exists(path)
            ? null
            : $"Refold's {file} is not at {path} (the shared folder beside the repository, or REFOLD_SHARED_DIR); the in-repo contract is used without comparing it.";
    }

    private static string SharedRoot() =>
        Environment.GetEnvironmentVariable("REFOLD_SHARED_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Directory.GetParent(RepositoryRoot)!.FullName, "shared");

    private static string FindRepositoryRoot()
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
