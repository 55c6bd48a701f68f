using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_NoArguments_StdioCompactServer()
    {
        var options = CommandLine.Parse([]);

        Assert.Equal((Command.Serve, Transport.Stdio, ToolMode.Compact), (options.Command, options.Transport, options.Surface.Mode));
        Assert.Null(options.Surface.Toolsets);
    }

    [Fact]
    public void Parse_HttpWithEveryFlag_AllSet()
    {
        var options = CommandLine.Parse(["--transport", "http", "--urls=http://127.0.0.1:9000", "--read-only", "--include-deprecated",
            "--include-inferred", "--allow-api-key-header", "--allowed-origins", "https://a.example,https://b.example", "--max-request-bytes", "4096",
            "--base-url", "http://127.0.0.1:5555", "--log-level", "warn"]);

        Assert.Equal(Transport.Http, options.Transport);
        Assert.Equal("http://127.0.0.1:9000", options.Urls);
        Assert.True(options.Surface.ReadOnly && options.Surface.IncludeDeprecated && options.Surface.IncludeInferred && options.AllowApiKeyHeader);
        Assert.Equal(["https://a.example", "https://b.example"], options.AllowedOrigins);
        Assert.Equal(4096, options.MaxRequestBytes);
        Assert.Equal(new Uri("http://127.0.0.1:5555"), options.BaseUrl);
        Assert.Equal("Warning", options.LogLevel);
    }

    [Theory]
    [InlineData(null, ConfirmMode.Destructive)]
    [InlineData("destructive", ConfirmMode.Destructive)]
    [InlineData("writes", ConfirmMode.Writes)]
    [InlineData("never", ConfirmMode.Never)]
    public void Parse_Confirm_DestructiveByDefault(string? value, ConfirmMode expected) =>
        Assert.Equal(expected, CommandLine.Parse(value is null ? [] : ["--confirm", value]).Surface.Confirm);

    [Fact]
    public void Parse_Toolsets_ImpliesAllUnlessCompactAsked()
    {
        Assert.Equal(ToolMode.All, CommandLine.Parse(["--toolsets", "workflows,executions"]).Surface.Mode);
        Assert.Equal(ToolMode.Compact, CommandLine.Parse(["--toolsets", "workflows", "--tools", "compact"]).Surface.Mode);
        Assert.Equal(new HashSet<string> { "workflows", "executions" }, CommandLine.Parse(["--toolsets", "workflows,executions"]).Surface.Toolsets);
    }

    [Fact]
    public void Parse_CallCommand_ToolAndArguments()
    {
        var options = CommandLine.Parse(["call", "get_execution", """{"execution_id":"e1"}""", "--tools", "all"]);

        Assert.Equal((Command.Call, "get_execution", """{"execution_id":"e1"}"""), (options.Command, options.CallTool, options.CallArguments));
        Assert.Equal(ToolMode.All, options.Surface.Mode);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--toolsets", "nope")]
    [InlineData("--tools", "some")]
    [InlineData("--transport", "carrier-pigeon")]
    [InlineData("--urls")]
    [InlineData("--confirm", "sometimes")]
    [InlineData("call")]
    [InlineData("frobnicate")]
    [InlineData("--read-only", "true")]
    [InlineData("call", "a", "{}", "extra")]
    public void Parse_BadCommandLine_UsageErrorSaysWhy(params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(args));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Help_DocumentsEveryOption()
    {
        Assert.NotEmpty(ServerFlags.All);
        Assert.All(ServerFlags.All, f => Assert.Contains(f.Name, CommandLine.Help, StringComparison.Ordinal));
        Assert.Contains("REFOLD_API_KEY", CommandLine.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ConfigNamesEveryObjectAndKeyOfTheFile()
    {
        var help = string.Join(' ', CommandLine.Help.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        var keys = Refold.Mcp.Server.Hosting.ServerSettings.All.Select(s => s.Key).OfType<string>().Where(k => !k.StartsWith("Refold:", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            var (section, name) = (key[..key.IndexOf(':')], key[(key.IndexOf(':') + 1)..]);
            Assert.Contains($"\"{section}\" (", help, StringComparison.Ordinal);
            Assert.Contains(name, help, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("--transport", "pigeon", "--transport must be 'stdio' or 'http', got 'pigeon'.")]
    [InlineData("--max-request-bytes", "0", "--max-request-bytes must be a whole number from 1 to 1073741824, got '0'.")]
    [InlineData("--emulator-speed", "0.5", "--emulator-speed must be a number from 1 to 1000, got '0.5'.")]
    [InlineData("--base-url", "ftp://x", "--base-url must be an absolute http(s) URL, got 'ftp://x'.")]
    public void Parse_BadValue_OneLineNamingTheFlagAndWhatIsAllowed(string flag, string value, string expected) =>
        Assert.Equal(expected, Assert.Throws<UsageException>(() => CommandLine.Parse([flag, value])).Message);

    [Fact]
    public void Parse_FlagWithoutValue_SaysWhatValueItNeeds() =>
        Assert.Equal("--tools needs a value (compact|all).", Assert.Throws<UsageException>(() => CommandLine.Parse(["tools", "--tools"])).Message);

    [Fact]
    public void Parse_Help_AnywhereOnTheLine_AsksForThatCommandsHelp()
    {
        Assert.Equal(Command.Help, CommandLine.Parse(["--help"]).Command);
        Assert.Equal(Command.Help, CommandLine.Parse(["help"]).Command);
        var call = CommandLine.Parse(["call", "--help"]);

        Assert.Equal((Command.Help, "call"), (call.Command, call.HelpCommand));
        Assert.Contains("JSON-ARGS", CommandLine.HelpFor("call"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArgumentStartingWithAt_KeptAsTyped() =>
        Assert.Equal("@args.json", CommandLine.Parse(["call", "list_workflows", "@args.json"]).CallArguments);

    [Fact]
    public void Parse_TenantFences_Set()
    {
        var options = CommandLine.Parse(["--transport", "http", "--allow-org-writes-from-tokens", "--linked-accounts", " acct_a, acct_b"]);

        Assert.True(options.AllowOrgWritesFromTokens);
        Assert.Equal(["acct_a", "acct_b"], options.Surface.AllowedAccounts!.Order(StringComparer.Ordinal));
        Assert.False(CommandLine.Parse([]).AllowOrgWritesFromTokens);
        Assert.Null(CommandLine.Parse([]).Surface.AllowedAccounts);
    }

    [Fact]
    public void Parse_LinkedAccountsEmpty_UsageErrorNamesTheOption()
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(["--linked-accounts", " , "]));

        Assert.Contains("--linked-accounts", error.Message, StringComparison.Ordinal);
    }
}
