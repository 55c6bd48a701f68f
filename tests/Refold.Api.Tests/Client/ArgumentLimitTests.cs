using System.Net;
using System.Text.Json.Nodes;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Client;

/// <summary>What a caller can make the client send and quote back: oversized values are refused unsent, echoes are short.</summary>
public sealed class ArgumentLimitTests
{
    private readonly FakeHandler _handler = new((_, _) => FakeHandler.Json(HttpStatusCode.OK, "{}"));

    [Theory]
    [InlineData("get_linked_account", "linked_account_id", ArgumentValidator.MaxIdLength)]
    [InlineData("list_linked_accounts", "env_variable_value", ArgumentValidator.MaxQueryLength)]
    [InlineData("create_linked_account", "name", ArgumentValidator.MaxValueLength)]
    public async Task Send_ValueOverItsLimit_RefusedUnsentNamingArgumentAndLimit(string operation, string argument, int limit)
    {
        var op = Refold.Api.Catalog.RefoldCatalog.Find(operation)!;
        Assert.Contains(op.Arguments, a => a.Name == argument);
        var arguments = new JsonObject { [argument] = new string('x', limit + 1) };
        if (operation == "create_linked_account")
        {
            arguments["account_id"] = "acct_1";
        }

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => TestClients.ApiKeyClient(_handler).SendAsync(op, arguments))).Error;

        Assert.Equal(RefoldErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(argument, error.Argument);
        Assert.Contains($"{limit + 1} characters, the most this server sends is {limit}", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 500, error.Message);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Send_ValueAtItsLimit_IsSent()
    {
        await TestClients.ApiKeyClient(_handler).SendAsync(LinkedAccounts.GetLinkedAccount,
            new JsonObject { ["linked_account_id"] = new string('x', ArgumentValidator.MaxIdLength) });

        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task Send_HugeUnknownArgumentNameAndEnumValue_QuotedShort()
    {
        var name = new string('k', 10_000);
        var arguments = new JsonObject { [name] = 1 };

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => TestClients.ApiKeyClient(_handler).SendAsync(LinkedAccounts.GetLinkedAccount, arguments))).Error;

        Assert.True(error.Message.Length < 1_000, $"{error.Message.Length} characters");
        Assert.True(error.Argument!.Length <= ArgumentValidator.MaxEcho + 1);
        Assert.Empty(_handler.Requests);
    }
}
