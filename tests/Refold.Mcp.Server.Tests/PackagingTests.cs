using System.Text.Json;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests;

/// <summary>The client configurations we ship parse, run refold-mcp, and pass only options it understands.</summary>
public sealed class PackagingTests
{
    private static string Root => Snapshots.RepositoryRoot();

    public static TheoryData<string, string> Configurations() => new()
    {
        { "mcp.json", "mcpServers" },
        { "examples/claude-desktop.json", "mcpServers" },
        { "examples/vscode-mcp.json", "servers" },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void ClientConfiguration_EveryStdioServer_RunsRefoldMcpWithValidOptions(string file, string serversKey)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, file)));
        var servers = json.RootElement.GetProperty(serversKey).EnumerateObject().ToList();

        Assert.NotEmpty(servers);
        foreach (var server in servers.Where(s => s.Value.Str("type") is null or "stdio"))
        {
            Assert.Equal("refold-mcp", server.Value.Str("command"));
            var args = server.Value.TryGetProperty("args", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
            var options = CommandLine.Parse(args);
            Assert.Equal(Command.Serve, options.Command);
            Assert.Equal(Transport.Stdio, options.Transport);
        }

        foreach (var server in servers.Where(s => s.Value.Str("type") == "http"))
        {
            Assert.EndsWith("/mcp", server.Value.Str("url"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dockerfile_HttpModeNonRootMultiStage()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));

        Assert.Equal(2, dockerfile.Split('\n').Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains("USER $APP_UID", dockerfile, StringComparison.Ordinal);
        Assert.Contains("\"--transport\", \"http\"", dockerfile, StringComparison.Ordinal);
    }
}
