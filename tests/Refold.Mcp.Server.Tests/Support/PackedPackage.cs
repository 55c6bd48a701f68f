using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// <c>dotnet pack</c> of the server, run once per test class into a temporary folder (no build: the test project has
/// just built it in the same configuration); exposes the .nupkg's entries and its nuspec.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private string _folder = null!;

    public string Path { get; private set; } = null!;

    public XElement Nuspec { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("refold-mcp-pack-").FullName;
        var project = System.IO.Path.Combine(Snapshots.RepositoryRoot(), "src", "Refold.Mcp.Server", "Refold.Mcp.Server.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "pack", project, "--no-build", "--nologo", "-c", Configuration, "-o", _folder })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var packages = Directory.GetFiles(_folder, "*.nupkg");
        if (process.ExitCode != 0 || packages.Length != 1)
        {
            throw new InvalidOperationException($"dotnet pack failed ({process.ExitCode}): {await output}{await errors}");
        }

        Path = packages[0];
        using var zip = ZipFile.OpenRead(Path);
        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        Nuspec = XElement.Load(nuspec);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The text of the entry at <paramref name="name"/>, or null when the package has none.</summary>
    public string? Entry(string name)
    {
        using var zip = ZipFile.OpenRead(Path);
        if (zip.GetEntry(name) is not { } entry)
        {
            return null;
        }

        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>A metadata element of the nuspec (namespace-agnostic), e.g. <c>version</c>.</summary>
    public XElement? Metadata(string name) =>
        Nuspec.Elements().Single(e => e.Name.LocalName == "metadata").Elements().FirstOrDefault(e => e.Name.LocalName == name);

    // The configuration the tests were built in (bin/Debug/... or bin/Release/...), so --no-build finds its output.
    private static string Configuration =>
        AppContext.BaseDirectory.Split(System.IO.Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";
}
