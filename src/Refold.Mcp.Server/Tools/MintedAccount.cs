using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Operations Refold accepts only from a session token (<see cref="AuthLevel.Account"/>), made callable with an org
/// key: such a session calls them for a named linked account (<c>linked_account_id</c>, or the key's default one) and
/// the client sends them with that account's session token, minted with the key and remembered
/// (<see cref="RefoldClient.SendForAccountAsync"/>).
/// </summary>
public static class MintedAccount
{
    /// <summary>The argument naming the account; the operation's own when it declares one (create_connect_url's query).</summary>
    public static Parameter Argument { get; } = Param.RequiredLinkedAccountHeader with
    {
        Description = "Your id of the linked account to act as, e.g. 'acct_9001': the server mints that account's session token with the org key and sends the call with it.",
    };

    /// <summary>True when a session of <paramref name="shape"/> reaches <paramref name="operation"/> only through a minted token.</summary>
    public static bool Applies(Operation operation, CredentialShape shape) =>
        operation.Auth == AuthLevel.Account && shape is CredentialShape.OrgKey or CredentialShape.OrgKeyWithAccount;

    /// <summary>The operation as an org-key session sees it: with the argument naming the account to act as.</summary>
    public static Operation Declaration(Operation operation) =>
        operation.Arguments.Any(a => a.Name == Argument.Name) ? operation : operation with { Parameters = [.. operation.Parameters, Argument] };

    /// <summary>Why the call may not go out (its arguments), or null; the credential check is the minted token's.</summary>
    public static RefoldError? Check(Operation operation, JsonObject arguments, RefoldCredential? credential) =>
        ArgumentValidator.Validate(Declaration(operation), arguments, accountSupplied: credential?.LinkedAccountId is not null);

    /// <summary>The account the call acts as: its argument, else the key's default account.</summary>
    public static string Account(JsonObject arguments, RefoldCredential? credential) =>
        arguments[Argument.Name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : credential!.LinkedAccountId!;
}
