using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>Hosted Connect: a Connect page URL for the session's account, with properties kept 3 days for the page to read.</summary>
internal sealed class HostedConnectGroup : EmulatorGroup
{
    /// <summary>Properties stored per session token: {token_id, linked_account_id, properties, expires_at}.</summary>
    public const string Collection = "hosted_properties";

    public static readonly TimeSpan PropertiesLifetime = TimeSpan.FromDays(3);

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.HostedConnect.CreateConnectUrl, Create);
        routes.Map(Ops.HostedConnect.GetHostedProperties, Get);
    }

    private static EmulatorResult Create(EmulatorRequest req)
    {
        var account = req.Caller.LinkedAccountId!;
        if (req.Query("linked_account_id") is { } named && named != account)
        {
            throw req.Error(403, "INVALID_LINKED_ACCOUNT_ID", "linked_account_id does not match the session token's linked account");
        }

        var tokenId = req.Caller.TokenId!;
        var properties = req.Fields.Object;
        var hosted = req.Data.Collection(Collection);
        req.State.Atomically(() =>
        {
            hosted.DeleteWhere(h => Doc.Is(h, "token_id", tokenId));
            hosted.Insert(new JsonObject
            {
                ["token_id"] = tokenId,
                ["linked_account_id"] = account,
                ["properties"] = properties.DeepClone(),
                ["expires_at"] = EmulatorState.Iso(req.Now + PropertiesLifetime),
            });
        });
        var url = new Uri(req.BaseUrl, "connect/" + req.Caller.Token).ToString();
        if (req.Query("config_id") is { } configId)
        {
            url += "?config_id=" + Uri.EscapeDataString(configId);
        }

        return new JsonObject { ["hosted_url"] = url };
    }

    private static EmulatorResult Get(EmulatorRequest req)
    {
        var now = EmulatorState.Iso(req.Now);
        var stored = req.Data.Collection(Collection).FindOne(h =>
            Doc.Is(h, "token_id", req.Caller.TokenId) && string.CompareOrdinal(h.Str("expires_at"), now) > 0);
        return stored?["properties"]?.DeepClone() ?? new JsonObject();
    }
}
