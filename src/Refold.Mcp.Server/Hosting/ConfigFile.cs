using Microsoft.Extensions.Configuration;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// The <c>--config</c> JSON file, read once by <see cref="ServerSettings.Resolve"/>: each <see cref="Setting"/> names
/// its key in it (<c>Refold:CallDeadline</c>, <c>Scale:Redis</c>, <c>OAuth:Authority</c>, <c>Http:TrustedProxies</c>).
/// </summary>
public static class ConfigFile
{
    /// <summary>The file's contents, or null when no file is given.</summary>
    /// <exception cref="UsageException">No file at that path, or a file that is not JSON.</exception>
    public static IConfiguration? Read(string? file)
    {
        if (file is null)
        {
            return null;
        }

        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new UsageException($"--config: no file at '{file}'.");
        }

        try
        {
            return new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new UsageException($"--config {file} is not a JSON object of settings ({(e.InnerException ?? e).Message}).");
        }
    }

    /// <summary>The value at <paramref name="key"/>: an array's items are joined with commas; null when absent or blank.</summary>
    public static string? Value(IConfiguration? file, string key)
    {
        if (file?.GetSection(key) is not { } section)
        {
            return null;
        }

        var items = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        var value = items.Count > 0 ? string.Join(',', items) : section.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
