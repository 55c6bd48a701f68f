using System.Text.Json;
using Refold.Chat.Tests.Support;

namespace Refold.Chat.Tests;

/// <summary>Credentials that pass through a turn are never shown or written.</summary>
public sealed class SecretTests
{
    [Fact]
    public async Task Prompt_ToolReturnsSessionToken_TokenNeverShownNorInTranscript()
    {
        await using var model = await ModelEndpoint.StartAsync(r => r.ToolResult("generate_session_token") is null
            ? new ModelReply.ToolCall("generate_session_token", """{"linked_account_id":"acct_globex"}""")
            : new ModelReply.Text("A session token for Globex is ready."));
        var run = ChatRun.Start([.. model.Args(), "--prompt", "make a session token for Globex", .. ChatRun.OnEmulator]);

        var exit = await run.ExitAsync();
        var token = model.Requests.Last().ToolResult("generate_session_token")!.Value.Str("token")!;
        var transcript = File.ReadAllText(run.TranscriptPath);

        Assert.Equal(0, exit);
        Assert.StartsWith("eyJ", token, StringComparison.Ordinal);
        Assert.Contains("→ generate_session_token(linked_account_id: acct_globex)", run.Output, StringComparison.Ordinal);
        Assert.Contains("A session token for Globex is ready.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], run.Output + run.Errors + transcript, StringComparison.Ordinal);
        var result = run.Transcript("session-token").OfType("tool_result").Single().GetProperty("result");
        Assert.Equal(SecretMask.Hidden, result.Str("token"));
    }

    [Fact]
    public void ShortArguments_SecretNamesAndTokenLikeValues_Hidden()
    {
        const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY2N0In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        var line = SecretMask.ShortArguments(
        [
            new("linked_account_id", "acct_globex"),
            new("api_token", "hunter2-hunter2"),
            new("note", $"use {Jwt} or tk_demo_0123456789abcdef0123456789abcdef"),
            new("credentials", JsonDocument.Parse("""{"user":"a"}""").RootElement),
        ]);

        Assert.Equal("linked_account_id: acct_globex, api_token: ***, note: use *** or ***, credentials: ***", line);
    }
}
