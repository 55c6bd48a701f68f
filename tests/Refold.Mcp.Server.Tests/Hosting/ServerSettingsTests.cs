using System.Globalization;
using System.Text.Json.Nodes;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Http;
using Refold.Mcp.Server.Tests.Support;

namespace Refold.Mcp.Server.Tests.Hosting;

/// <summary>
/// Every setting a flag, a REFOLD_* variable or the --config file may set: the flag wins over the variable, the
/// variable over the file, each source's bad value is refused naming that source and what is allowed.
/// </summary>
public sealed class ServerSettingsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"refold-server-settings-{Guid.NewGuid():N}.json");

    /// <summary>A setting's value in each source (distinct where it can be), what the server uses without one, and what it uses.</summary>
    private sealed record Row(string Flag, string Variable, string File, string? Default, Func<ServerOptions, string?> Uses);

    // By the setting's flag, else its variable, else its --config key.
    private static readonly Dictionary<string, Row> Rows = new(StringComparer.Ordinal)
    {
        ["--base-url"] = new("http://flag.test/", "https://env.test/", "http://file.test/", null, o => o.BaseUrl?.ToString()),
        ["--org-id"] = new("org_flag", "org_env", "org_file", null, o => Refold(o).OrgId),
        ["--rate"] = new("30", "40", "50", "20", o => Text(Refold(o).PermitsPerSecond)),
        ["--burst"] = new("6", "7", "8", "5", o => Text(Refold(o).Burst)),
        ["--headroom"] = new("0.2", "0.3", "0.4", "0.1", o => Text(Refold(o).Headroom)),
        ["--retries"] = new("1", "2", "4", "3", o => Text(Refold(o).MaxRetries)),
        ["--attempt-timeout"] = new("11", "12", "13", "30", o => Text(Refold(o).AttemptTimeout.TotalSeconds)),
        ["--deadline"] = new("41", "42", "43", "45", o => Text(Refold(o).CallDeadline.TotalSeconds)),
        ["Refold:QueueLimit"] = new("", "", "7", "1000", o => Text(Refold(o).QueueLimit)),
        ["Refold:MaxBuckets"] = new("", "", "9", "10000", o => Text(Refold(o).MaxBuckets)),
        ["Refold:RetryBaseDelay"] = new("", "", "2", "0.5", o => Text(Refold(o).RetryBaseDelay.TotalSeconds)),
        ["Refold:MaxRetryDelay"] = new("", "", "20", "30", o => Text(Refold(o).MaxRetryDelay.TotalSeconds)),
        ["Refold:BreakerFailureRatio"] = new("", "", "0.25", "0.5", o => Text(Refold(o).BreakerFailureRatio)),
        ["Refold:BreakerMinimumThroughput"] = new("", "", "40", "20", o => Text(Refold(o).BreakerMinimumThroughput)),
        ["Refold:BreakerSamplingDuration"] = new("", "", "60", "30", o => Text(Refold(o).BreakerSamplingDuration.TotalSeconds)),
        ["Refold:BreakerDuration"] = new("", "", "5", "15", o => Text(Refold(o).BreakerDuration.TotalSeconds)),
        ["--jwt-authority"] = new("https://flag.example.com/", "https://env.example.com/", "https://file.example.com/", OtherAuthority, o => OAuth(o)?.Authority?.ToString()),
        ["--jwt-audience"] = new("aud-flag", "aud-env", "aud-file", OtherAudience, o => OAuth(o)?.Audience),
        ["--account-claim"] = new("claim_flag", "claim_env", "claim_file", OAuthOptions.DefaultAccountClaim, o => OAuth(o)?.AccountClaim),
        ["--read-scope"] = new("read_flag", "read_env", "read_file", null, o => OAuth(o)?.ReadScope),
        ["--write-scope"] = new("write_flag", "write_env", "write_file", null, o => OAuth(o)?.WriteScope),
        ["--redis"] = new("flag:6379", "env:6379", "file:6379", null, o => o.Scale.Redis),
        // Two words only: the flag and the file say the same, so each step still shows which source won.
        ["--session-mode"] = new("stateless", "hybrid", "stateless", null, o => o.Scale.Mode?.ToString().ToLowerInvariant()),
        ["--replicas"] = new("2", "3", "4", null, o => o.Scale.Replicas?.ToString(CultureInfo.InvariantCulture)),
        ["REFOLD_TICKET_KEY"] = new("", new string('k', 32), "", null, o => o.Scale.TicketKey),
        ["--trusted-proxies"] = new("10.0.0.1", "10.0.0.2,10.0.0.3", "10.0.0.4", null, o => o.TrustedProxies is { } p ? string.Join(',', p) : null),
        ["--audit-log"] = new("flag.jsonl", "env.jsonl", "", null, o => o.AuditLog),
    };

    /// <summary>A bad value of each setting that can have one, and the rest of the message after the source's name.</summary>
    private static readonly Dictionary<string, (string Value, string Message)> BadValues = new(StringComparer.Ordinal)
    {
        ["--base-url"] = ("ftp://x", " must be an absolute http(s) URL, got 'ftp://x'."),
        ["--rate"] = ("fast", " must be a whole number, got 'fast'."),
        ["--burst"] = ("2.5", " must be a whole number, got '2.5'."),
        ["--retries"] = ("many", " must be a whole number, got 'many'."),
        ["--headroom"] = ("lots", " must be a number, got 'lots'."),
        ["--attempt-timeout"] = ("0", " must be a number of seconds, got '0'."),
        ["--deadline"] = ("soon", " must be a number of seconds, got 'soon'."),
        ["Refold:QueueLimit"] = ("long", " must be a whole number, got 'long'."),
        ["Refold:BreakerFailureRatio"] = ("half", " must be a number, got 'half'."),
        ["Refold:BreakerDuration"] = ("a while", " must be a number of seconds, got 'a while'."),
        ["--jwt-authority"] = ("ftp://127.0.0.1", " must be an absolute https URL of the authorization server, got 'ftp://127.0.0.1'."),
        ["--redis"] = ("host:6379,ssl=maybe", " is not a Redis connection string (Keyword 'ssl' requires a boolean value; the value 'maybe' is not recognised. (Parameter 'ssl')); give e.g. 'redis.internal:6379' or 'host:6379,password=...,ssl=true'."),
        ["--session-mode"] = ("sometimes", " must be 'stateless' or 'hybrid', got 'sometimes'."),
        ["--replicas"] = ("0", " must be a whole number from 1 to 1000, got '0'."),
        ["REFOLD_TICKET_KEY"] = ("short", " must be at least 32 characters; generate one with 'openssl rand -base64 32' and give every replica the same."),
        ["--trusted-proxies"] = ("10.0.0.0/99", ": '10.0.0.0/99' is neither an IP address nor a CIDR range (e.g. 10.0.0.5, 10.1.0.0/16, fd00::/8)."),
    };

    public static TheoryData<string> Settings => [.. ServerSettings.All.Select(Name)];

    public static TheoryData<string> WithBadValues => [.. BadValues.Keys];

    [Fact]
    public void All_EverySetting_HasARowAndItsOwnNames()
    {
        Assert.Equal(Rows.Keys.Order(StringComparer.Ordinal), ServerSettings.All.Select(Name).Order(StringComparer.Ordinal));
        foreach (var names in new Func<Setting, string?>[] { s => s.Flag, s => s.Variable, s => s.Key })
        {
            var given = ServerSettings.All.Select(names).OfType<string>().ToList();
            Assert.Equal(given.Distinct(StringComparer.OrdinalIgnoreCase), given);
        }

        // Every flag is a flag of the command line, with its help.
        var flags = ServerFlags.All.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(ServerSettings.All.Where(s => s.Flag is not null), s => Assert.Contains(s.Flag!, flags));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Resolve_EverySource_FlagOverVariableOverFile(string name)
    {
        var setting = ServerSettings.All.Single(s => Name(s) == name);
        var row = Rows[name];

        if (setting.Flag is not null)
        {
            Assert.Equal(row.Flag, Use(setting, row.Flag, row.Variable, row.File));
        }

        if (setting.Variable is not null)
        {
            Assert.Equal(row.Variable, Use(setting, null, row.Variable, row.File));
        }

        if (setting.Key is not null)
        {
            Assert.Equal(row.File, Use(setting, null, null, row.File));
        }

        Assert.Equal(row.Default, Use(setting, null, null, null));
    }

    [Theory]
    [MemberData(nameof(WithBadValues))]
    public void Resolve_BadValueInEachSource_RefusedNamingTheSourceAndWhatIsAllowed(string name)
    {
        var setting = ServerSettings.All.Single(s => Name(s) == name);
        var (value, message) = BadValues[name];

        if (setting.Flag is not null)
        {
            var error = Assert.Throws<UsageException>(() => CommandLine.Parse([setting.Flag, value]));
            Assert.Equal(setting.Flag + message, error.Message);
        }

        if (setting.Variable is not null)
        {
            var error = Assert.Throws<UsageException>(() => ServerSettings.Resolve(new ServerOptions(), v => v == setting.Variable ? value : null));
            Assert.Equal(setting.Variable + message, error.Message);
        }

        if (setting.Key is not null)
        {
            WriteFile(setting.Key, value);
            var error = Assert.Throws<UsageException>(() => ServerSettings.Resolve(new ServerOptions { ConfigFile = _file }, _ => null));
            Assert.Equal($"{setting.Key} in --config{message}", error.Message);
        }
    }

    [Fact]
    public void Resolve_FileTakesJsonNumbersTimeSpansAndArrays()
    {
        File.WriteAllText(_file, """{ "refold": { "callDeadline": "00:01:30", "Burst": 9 }, "Http": { "TrustedProxies": ["10.0.0.5", "10.1.0.0/16"] } }""");

        var options = ServerSettings.Resolve(new ServerOptions { ConfigFile = _file }, _ => null);

        Assert.Equal(TimeSpan.FromSeconds(90), Refold(options).CallDeadline);
        Assert.Equal(9, Refold(options).Burst);
        Assert.Equal(["10.0.0.5", "10.1.0.0/16"], options.TrustedProxies);
    }

    [Theory]
    [InlineData("missing", "--config: no file at '{0}'.")]
    [InlineData("""{ "Refold": """, "--config {0} is not a JSON object of settings (")]
    public void Resolve_NoFileOrNotJson_RefusedNamingTheFile(string contents, string expected)
    {
        var file = contents == "missing" ? _file + ".missing" : _file;
        if (contents != "missing")
        {
            File.WriteAllText(_file, contents);
        }

        var error = Assert.Throws<UsageException>(() => ServerSettings.Resolve(new ServerOptions { ConfigFile = file }, _ => null));

        Assert.StartsWith(string.Format(CultureInfo.InvariantCulture, expected, file), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_BadVariableAndFileKey_ExitCode2WithOneLineNamingTheSource()
    {
        File.WriteAllText(_file, """{ "Scale": { "SessionMode": "sometimes" } }""");

        var variable = await ServerProcess.RunAsync(new Dictionary<string, string?> { ["REFOLD_REPLICAS"] = "0" }, "tools", "--emulator", "--ephemeral");
        var file = await ServerProcess.RunAsync(new Dictionary<string, string?>(), "tools", "--emulator", "--ephemeral", "--config", _file);

        Assert.Equal((2, "refold-mcp: REFOLD_REPLICAS must be a whole number from 1 to 1000, got '0'."), (variable.ExitCode, variable.Stderr.Trim()));
        Assert.Equal((2, "refold-mcp: Scale:SessionMode in --config must be 'stateless' or 'hybrid', got 'sometimes'."), (file.ExitCode, file.Stderr.Trim()));
    }

    public void Dispose()
    {
        File.Delete(_file);
    }

    private static string Name(Setting s) => s.Flag ?? s.Variable ?? s.Key!;

    /// <summary>What the server uses for <paramref name="setting"/> when the sources given say these values.</summary>
    private string? Use(Setting setting, string? flag, string? variable, string? file)
    {
        string[] args = flag is null || setting.Flag is null ? [] : [setting.Flag, flag];
        if (file is not null && setting.Key is not null)
        {
            WriteFile(setting.Key, file);
            args = [.. args, "--config", _file];
        }

        var options = ServerSettings.Resolve(CommandLine.Parse(args), v => v == setting.Variable ? variable : null);
        return Rows[Name(setting)].Uses(options);
    }

    private void WriteFile(string key, string value)
    {
        var (section, property) = (key.Split(':')[0], key.Split(':')[1]);
        File.WriteAllText(_file, new JsonObject { [section] = new JsonObject { [property] = value } }.ToJsonString());
    }

    private static RefoldOptions Refold(ServerOptions options)
    {
        var bound = new RefoldOptions();
        RefoldSettings.Bind(bound, options);
        return bound;
    }

    private const string OtherAuthority = "https://issuer.example.com/";
    private const string OtherAudience = "aud";

    // OAuth mode needs both halves: the one a row does not test comes from a flag of its own.
    private static OAuthOptions? OAuth(ServerOptions options)
    {
        var settings = new Dictionary<string, string>(options.OAuthSettings, StringComparer.Ordinal);
        settings.TryAdd("--jwt-authority", OtherAuthority);
        settings.TryAdd("--jwt-audience", OtherAudience);
        return OAuthOptions.Resolve(settings);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
