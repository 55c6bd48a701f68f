using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// What keeps one tenant of a shared deployment from reaching the others: org-wide writes kept from session tokens
/// (<see cref="Surface.FenceOrgWritesFromTokens"/>) and the operator's allow-list of linked accounts
/// (<see cref="Surface.AllowedAccounts"/>). The tool sets leave fenced operations out; the runner checks again per call.
/// </summary>
public static class TenantFence
{
    public const string OrgWritesOption = "--allow-org-writes-from-tokens";

    public const string LinkedAccountsOption = "--linked-accounts";

    public const string Hint = "Do this with the org's API key, or ask the operator; search_operations lists what this session can call.";

    /// <summary>The arguments that name a linked account (a path id, a header, a query or body field).</summary>
    public static IReadOnlyList<string> AccountArguments { get; } = ["linked_account_id", "account_id"];

    /// <summary>Why a session of <paramref name="shape"/> may never reach <paramref name="operation"/> here, or null.</summary>
    public static string? WhyFenced(Surface surface, CredentialShape shape, Operation operation)
    {
        if (surface.FenceOrgWritesFromTokens && shape == CredentialShape.SessionToken && operation.Scope == ResourceScope.Org && !operation.Hints.ReadOnly)
        {
            return $"it changes resources shared by every linked account of the org, which this server keeps from session tokens (the operator may allow it with {OrgWritesOption})";
        }

        if (surface.AllowedAccounts is not null && operation == LinkedAccounts.ListLinkedAccounts)
        {
            return $"it lists every linked account of the org, and this server serves only the accounts set with {LinkedAccountsOption} (use get_linked_account with one of them)";
        }

        return null;
    }

    /// <summary>The error for <see cref="WhyFenced"/>, or null when the operation is not fenced.</summary>
    public static RefoldError? Refusal(Surface surface, CredentialShape shape, Operation operation) =>
        WhyFenced(surface, shape, operation) is { } fenced
            ? RefoldErrorMapper.Local(operation, RefoldErrorKind.NotPermitted, "TENANT_FENCE", $"{operation.Name} is not available to this session: {fenced}.",
                hint: Hint)
            : null;

    /// <summary>True when <paramref name="account"/> may be served (no allow-list, or it is on it).</summary>
    public static bool Allows(Surface surface, string? account) => account is null || surface.AllowedAccounts is not { } allowed || allowed.Contains(account);

    /// <summary>
    /// The error when a call names a linked account outside the allow-list: an account argument, or the credential's
    /// own account (a session token's always; an API key's default one when no argument names another).
    /// </summary>
    public static RefoldError? AccountRefusal(Surface surface, Operation operation, RefoldCredential? credential, JsonObject? arguments)
    {
        if (surface.AllowedAccounts is null)
        {
            return null;
        }

        var named = AccountArguments
            .Select(name => (Name: name, Node: arguments?[name]))
            .Where(a => a.Node is not null && a.Node.GetValueKind() == JsonValueKind.String)
            .Select(a => (a.Name, Account: a.Node!.GetValue<string>()))
            .ToList();
        if (named.FirstOrDefault(a => !Allows(surface, a.Account)) is { Name: not null } stray)
        {
            return Outside(operation, $"its argument '{stray.Name}' names", stray.Name);
        }

        var own = credential is SessionTokenCredential || named.Count == 0 ? credential?.LinkedAccountId : null;
        return Allows(surface, own) ? null : Outside(operation, "this session's credential acts for", null);
    }

    private static RefoldError Outside(Operation operation, string what, string? argument) =>
        RefoldErrorMapper.Local(operation, RefoldErrorKind.NotPermitted, "LINKED_ACCOUNT_NOT_ALLOWED",
            $"{operation.Name} was refused: {what} a linked account this server does not serve (the operator allows only the accounts set with {LinkedAccountsOption}).",
            argument, "Name one of the linked accounts this deployment serves, or ask the operator to add the account to --linked-accounts.");
}
