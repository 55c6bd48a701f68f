using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Core;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>Session tokens: issue (reusing a live one unless forced) and revoke.</summary>
internal sealed class SessionTokensGroup : EmulatorGroup
{
    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.SessionTokens.GenerateSessionToken, Generate);
        routes.Map(Ops.SessionTokens.RevokeSessionToken, Revoke);
    }

    private static EmulatorResult Generate(EmulatorRequest req)
    {
        var accountId = req.Fields.Str("linked_account_id")!;
        if (req.Data.Collection(Collections.LinkedAccounts).FindOne(a => Doc.Is(a, "account_id", accountId)) is null)
        {
            throw req.BadRequest($"No linked account found for account id : {accountId} in environment {req.Caller.Environment}", "INVALID_LINKED_ACCOUNT_ID");
        }

        var issued = req.Services.GetRequiredService<SessionTokenService>().Issue(req.Data, accountId, req.Query("force_refresh") == "true");
        return new JsonObject
        {
            ["token"] = issued.Token,
            ["refresh_token"] = issued.RefreshToken,
            ["expires_in"] = issued.ExpiresIn,
            ["refresh_expires_in"] = issued.RefreshExpiresIn,
        };
    }

    private static EmulatorResult Revoke(EmulatorRequest req) => new JsonObject
    {
        ["success"] = true,
        ["revoked_count"] = req.Services.GetRequiredService<SessionTokenService>().Revoke(req.Data, req.Caller.TokenId!),
    };
}
