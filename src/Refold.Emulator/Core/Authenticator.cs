using Microsoft.AspNetCore.Http;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Emulator.State;

namespace Refold.Emulator.Core;

/// <summary>
/// Refold's authentication, applied from the operation's declared <see cref="AuthLevel"/> (README §3):
/// <c>x-api-key</c> names org and environment; a bearer session token names org, environment and linked account;
/// the linked account resolves as token claim &gt; <c>linked_account_id</c> header &gt; <c>linked_account_id</c> query.
/// </summary>
internal sealed class Authenticator(EmulatorState state, SessionTokenService tokens)
{

    /// <summary>The caller, or the 401 Refold answers.</summary>
    public (Caller? Caller, EmulatorResult? Refusal) Authenticate(Operation operation, HttpRequest request)
    {
        var apiKey = First(request.Headers[RefoldHeaders.ApiKey]);
        var bearer = Bearer(request);
        switch (operation.Auth)
        {
            case AuthLevel.None:
                // Public: a credential is not needed, but a valid one still tells the handler who is asking.
                return ((bearer is not null ? tokens.Validate(bearer) : null) ?? (apiKey is not null ? FromApiKey(apiKey, request) : null) ?? Caller.Anonymous, null);

            case AuthLevel.Org:
                // A session token is no credential here: only the org key opens org-level operations.
                return apiKey is not null && FromApiKey(apiKey, request) is { } org ? (org, null) : (null, RefoldErrors.InvalidCredentials());

            case AuthLevel.Account:
                return bearer is null ? (null, RefoldErrors.TokenMissing())
                    : tokens.Validate(bearer) is { } account ? (account, null) : (null, RefoldErrors.InvalidToken());

            default:
                if (bearer is not null)
                {
                    return tokens.Validate(bearer) is { } session ? (session, null) : (null, RefoldErrors.InvalidToken());
                }

                return apiKey is not null && FromApiKey(apiKey, request) is { } either ? (either, null) : (null, RefoldErrors.InvalidCredentials());
        }
    }

    private Caller? FromApiKey(string apiKey, HttpRequest request)
    {
        if (state.FindApiKey(apiKey) is not { } found)
        {
            return null;
        }

        var account = First(request.Headers[RefoldHeaders.LinkedAccount]) ?? First(request.Query[RefoldHeaders.LinkedAccount]);
        return new Caller
        {
            Kind = CredentialKind.ApiKey,
            OrgId = found.Org.Id,
            Environment = found.Environment,
            ApiKey = apiKey,
            LinkedAccountId = account,
        };
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = First(request.Headers.Authorization);
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
            ? header[7..].Trim()
            : null;
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0]!.Trim() : null;
}
