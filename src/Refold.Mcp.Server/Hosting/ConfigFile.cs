using Microsoft.Extensions.Configuration;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// The <c>--config</c> JSON file, where each settings owner takes its own section (<c>Refold</c> in
/// <see cref="RefoldSettings"/>, <c>Scale</c>, <c>OAuth</c>, <c>Http</c>). A missing file is reported by
/// <see cref="RefoldSettings.Bind"/>, which every start runs; here it simply has no sections.
/// </summary>
public static class ConfigFile
{
    /// <summary>The named section of the file, or null when no file is given or it does not exist.</summary>
    public static IConfigurationSection? Section(string? file, string section) =>
        file is not null && File.Exists(Path.GetFullPath(file))
            ? new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false).Build().GetSection(section)
            : null;
}
