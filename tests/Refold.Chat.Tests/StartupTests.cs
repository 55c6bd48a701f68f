using Refold.Chat.Tests.Support;

namespace Refold.Chat.Tests;

/// <summary>What the app says before any chat: no model, a bad option, no server.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Run_NoModelConfigured_Exit2SayingWhatToSet()
    {
        var run = ChatRun.Start([.. ChatRun.OnEmulator, "--prompt", "hello"]);

        var exit = await run.ExitAsync();

        Assert.Equal(2, exit);
        Assert.Contains("No model configured. Set --model NAME (or REFOLD_CHAT_MODEL)", run.Errors, StringComparison.Ordinal);
        Assert.Contains("OPENAI_BASE_URL", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OpenAiWithoutKey_Exit2NamingOpenAiApiKey()
    {
        var run = ChatRun.Start("--model", "gpt-4.1-mini", "--prompt", "hello");

        Assert.Equal(2, await run.ExitAsync());
        Assert.Contains("OPENAI_API_KEY", run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--frobnicate", "Unknown option --frobnicate")]
    [InlineData("--model-timeout", "--model-timeout needs a value")]
    [InlineData("--endpoint=x", "Unknown option --endpoint=x")]
    public async Task Run_BadOption_Exit2NamingIt(string option, string message)
    {
        var run = ChatRun.Start("--model", "m", option);

        Assert.Equal(2, await run.ExitAsync());
        Assert.Contains(message, run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerCannotStart_Exit3WithWhatToDo()
    {
        await using var model = await ModelEndpoint.StartAsync(_ => new ModelReply.Text("unused"));
        var run = ChatRun.Start([.. model.Args("--server-command", "/nonexistent/refold-mcp"), "--prompt", "hello"]);

        Assert.Equal(3, await run.ExitAsync());
        Assert.Contains("Could not connect to refold-mcp (/nonexistent/refold-mcp)", run.Errors, StringComparison.Ordinal);
        Assert.Contains("--server-command", run.Errors, StringComparison.Ordinal);
        Assert.Empty(model.Requests);
    }
}
