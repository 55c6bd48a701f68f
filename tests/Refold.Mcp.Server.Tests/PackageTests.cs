using System.Text.Json;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests;

/// <summary>
/// The NuGet package users install or run with <c>dnx</c>: an MCP server package with its <c>.mcp/server.json</c>, one
/// version everywhere, and the metadata NuGet and the MCP registry show.
/// </summary>
public sealed class PackageTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    private static readonly Dictionary<string, string?> NoRefold = [];

    [Fact]
    public async Task Pack_McpServerJson_NamesThePackageAtTheVersionTheServerPrints()
    {
        var (exit, stdout, _) = await ServerProcess.RunAsync(NoRefold, "--version");
        var printed = stdout.Trim().Split(' ')[^1];
        using var serverJson = JsonDocument.Parse(package.Entry(".mcp/server.json") ?? throw new Xunit.Sdk.XunitException("no .mcp/server.json in the package"));
        var nuget = serverJson.RootElement.GetProperty("packages").EnumerateArray().Single(p => p.Str("registryType") == "nuget");

        Assert.Equal(0, exit);
        Assert.Equal($"refold-mcp {printed}", stdout.Trim());
        Assert.Equal(printed, package.Metadata("version")?.Value);
        Assert.Equal(printed, serverJson.RootElement.Str("version"));
        Assert.Equal(printed, nuget.Str("version"));
        Assert.Equal("refold-mcp", nuget.Str("identifier"));
        Assert.Equal("refold-mcp", package.Metadata("id")?.Value);
        Assert.Equal("stdio", nuget.GetProperty("transport").Str("type"));
    }

    [Fact]
    public void Pack_PackageTypes_McpServerAndDotnetTool()
    {
        var types = package.Metadata("packageTypes")?.Elements().Select(t => t.Attribute("name")?.Value).ToList();

        Assert.NotNull(types);
        Assert.Contains("McpServer", types);
        Assert.Contains("DotnetTool", types);
    }

    [Fact]
    public void Pack_Metadata_ReadmeLicenceRepositoryDescriptionTags()
    {
        var readme = package.Metadata("readme")?.Value;
        var repository = package.Metadata("repository")?.Attribute("url")?.Value;

        Assert.Equal("README.md", readme);
        Assert.Contains("refold-mcp", package.Entry(readme!), StringComparison.Ordinal);
        Assert.Equal("MIT", package.Metadata("license")?.Value);
        Assert.Equal("expression", package.Metadata("license")?.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository, StringComparison.Ordinal);
        Assert.StartsWith("MIT License", package.Entry("LICENSE"), StringComparison.Ordinal);
        Assert.NotEqual("Package Description", package.Metadata("description")?.Value);
        Assert.Contains("Refold", package.Metadata("description")?.Value, StringComparison.Ordinal);
        Assert.Contains("mcp", package.Metadata("tags")?.Value.Split(' ') ?? [], StringComparer.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(package.Metadata("authors")?.Value));
    }

    [Fact]
    public void RegistryServerJson_AgreesWithThePackage()
    {
        using var registry = JsonDocument.Parse(File.ReadAllText(Path.Combine(Snapshots.RepositoryRoot(), "server.json")));
        using var packed = JsonDocument.Parse(package.Entry(".mcp/server.json")!);
        var release = package.Metadata("version")!.Value.Split('-')[0];
        var readme = package.Entry("README.md")!;
        var name = registry.RootElement.Str("name");

        Assert.Equal(release, registry.RootElement.Str("version"));
        Assert.Equal(name, packed.RootElement.Str("name"));
        Assert.Equal(package.Metadata("repository")?.Attribute("url")?.Value, registry.RootElement.GetProperty("repository").Str("url"));
        Assert.True(registry.RootElement.Str("description")!.Length <= 100, "the registry allows at most 100 characters of description");
        // The registry proves NuGet ownership by this line in the package's readme.
        Assert.Contains($"<!-- mcp-name: {name} -->", readme, StringComparison.Ordinal);
    }
}
