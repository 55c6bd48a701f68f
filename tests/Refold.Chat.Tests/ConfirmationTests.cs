using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Chat.Tests.Support;

namespace Refold.Chat.Tests;

/// <summary>"Delete the linked account acme-1": the server's confirmation is asked at the terminal; "no" keeps it, --yes deletes it.</summary>
public sealed class ConfirmationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Chat_DeleteLinkedAccount_ConfirmationShownAndAnswerDecidesInTheEmulator(bool assumeYes)
    {
        await using var model = await ModelEndpoint.StartAsync(r => r.RawToolResult("delete_linked_account") is { } result
            ? new ModelReply.Text($"delete_linked_account answered: {result}")
            : new ModelReply.ToolCall("delete_linked_account", """{"linked_account_id":"acme-1"}"""));
        var run = ChatRun.Start([.. model.Args(assumeYes ? ["--yes"] : []), .. ChatRun.OnEmulator, "--", "--tools", "all"]);

        await run.WaitForPromptAsync();
        bool stillThere;
        await using (var emulator = EmulatorClient.FromBanner(run.Errors))
        {
            await emulator.SendAsync(LinkedAccounts.CreateLinkedAccount, new() { ["account_id"] = "acme-1", ["name"] = "Acme One" });
            run.Input.Type("delete the linked account acme-1");
            if (!assumeYes)
            {
                run.Input.Type("no");
            }

            await run.WaitForPromptAsync();
            stillThere = await ExistsAsync(emulator, "acme-1");
        }

        run.Input.End();
        Assert.Equal(0, await run.ExitAsync());
        var transcript = run.Transcript(assumeYes ? "delete-account-yes" : "delete-account-no");

        var asked = Assert.Single(transcript.OfType("confirmation"));
        Assert.Contains("acme-1", asked.Str("message"), StringComparison.Ordinal);
        Assert.Contains($"? {asked.Str("message")}", run.Output, StringComparison.Ordinal);
        Assert.Equal(assumeYes ? "accept" : "decline", asked.Str("action"));
        Assert.Equal(!assumeYes, stillThere);
        Assert.Contains(assumeYes ? "(accepted by --yes)" : "(declined)", run.Output, StringComparison.Ordinal);
    }

    private static async Task<bool> ExistsAsync(EmulatorClient emulator, string account)
    {
        try
        {
            await emulator.SendAsync(LinkedAccounts.GetLinkedAccount, new() { ["linked_account_id"] = account });
            return true;
        }
        catch (RefoldApiException e) when (e.Error.StatusCode == 404)
        {
            return false;
        }
    }
}
