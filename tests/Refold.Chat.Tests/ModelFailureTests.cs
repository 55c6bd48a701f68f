using Refold.Chat.Tests.Support;

namespace Refold.Chat.Tests;

/// <summary>A model endpoint that fails or hangs: the person gets a clear message and the chat goes on.</summary>
public sealed class ModelFailureTests
{
    [Theory]
    [InlineData("500", true, "failed with 500")]
    [InlineData("bad-json", true, "not an OpenAI chat completion")]
    [InlineData("bad-json", false, "not an OpenAI chat completion")]
    [InlineData("timeout", true, "did not answer within 10 s (--model-timeout)")]
    [InlineData("timeout", false, "did not answer within 10 s (--model-timeout)")]
    public async Task Chat_EndpointFails_ClearMessageAndNextRequestIsAnswered(string fault, bool stream, string message)
    {
        await using var model = await ModelEndpoint.StartAsync(r => r.LastUserText == "first try"
            ? fault switch { "500" => new ModelReply.Status(500), "bad-json" => new ModelReply.BadJson(), _ => new ModelReply.Hang() }
            : CountAccounts(r));
        // The timeout is the subject: 10 s cuts the hung request, and leaves the scripted answers of a loaded machine a
        // wide margin (the same timeout applies to the request answered after it).
        string[] modelArgs = ["--model-retries", "0", "--model-timeout", "10", .. stream ? Array.Empty<string>() : ["--no-stream"]];
        var run = ChatRun.Start([.. model.Args(modelArgs), .. ChatRun.OnEmulator]);
        run.Input.Type("first try", "how many linked accounts are there?");
        run.Input.End();

        var exit = await run.ExitAsync();
        var transcript = run.Transcript($"model-failure-{fault}-{(stream ? "stream" : "whole")}");

        Assert.Equal(0, exit);
        Assert.Contains($"! The model endpoint {model.BaseUrl}", run.Errors, StringComparison.Ordinal);
        Assert.Contains(message, run.Errors, StringComparison.Ordinal);
        Assert.Contains("There are 2 linked accounts: Globex Corp, Initech.", run.Output, StringComparison.Ordinal);
        Assert.Equal(["failed", "completed"], transcript.OfType("turn_end").Select(l => l.Str("outcome")));

        // The failed turn is remembered as such, so the model is not confused by a missing answer.
        Assert.Contains(model.Requests.Last().Messages, m => m.GetProperty("content").ToString().Contains("This turn did not finish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_CtrlCDuringTurn_CancelsTheTurnNotTheApp()
    {
        await using var model = await ModelEndpoint.StartAsync(r => r.LastUserText == "a slow one" ? new ModelReply.Hang() : CountAccounts(r));
        var run = ChatRun.Start([.. model.Args(), .. ChatRun.OnEmulator]);
        run.Input.Type("a slow one");

        await model.Hanging.WaitAsync(TimeSpan.FromSeconds(120));
        run.Terminal.Interrupt();
        run.Input.Type("how many linked accounts are there?");
        run.Input.End();
        var exit = await run.ExitAsync();
        var transcript = run.Transcript("ctrl-c");

        Assert.Equal(0, exit);
        Assert.Contains("(turn cancelled; the app is still here)", run.Output, StringComparison.Ordinal);
        Assert.Contains("There are 2 linked accounts: Globex Corp, Initech.", run.Output, StringComparison.Ordinal);
        Assert.Equal(["cancelled", "completed"], transcript.OfType("turn_end").Select(l => l.Str("outcome")));
    }

    [Fact]
    public async Task Prompt_EndpointFails_ExitCode1WithMessage()
    {
        await using var model = await ModelEndpoint.StartAsync(_ => new ModelReply.Status(503));
        var run = ChatRun.Start([.. model.Args("--model-retries", "0"), "--prompt", "hello", .. ChatRun.OnEmulator]);

        var exit = await run.ExitAsync();

        Assert.Equal(1, exit);
        Assert.Contains("failed with 503", run.Errors, StringComparison.Ordinal);
    }

    // Lists the accounts, then counts what the tool returned.
    private static ModelReply CountAccounts(ModelRequest request)
    {
        if (request.ToolResult("list_linked_accounts") is not { } accounts)
        {
            return new ModelReply.ToolCall("list_linked_accounts", "{}");
        }

        var names = accounts.GetProperty("docs").EnumerateArray().Select(a => a.Str("name")).ToList();
        return new ModelReply.Text($"There are {names.Count} linked accounts: {string.Join(", ", names)}.");
    }
}
