using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;

namespace Refold.Emulator.Groups;

/// <summary>
/// The integrations (connected apps) stored on a linked account. Each integration keeps its secrets in
/// <c>credentials</c>, <c>authTokens</c> and <c>connections</c> (one entry per auth type), which Refold strips from
/// every read: use <see cref="PublicAccount"/> to shape a response.
/// </summary>
internal static class Integrations
{
    /// <summary>Integration type of the org's own default (custom) app.</summary>
    public const string DefaultAppType = "custom";

    private static readonly string[] s_secretKeys = ["credentials", "authTokens", "connections"];

    /// <summary>A linked account as Refold returns it: integrations without their secrets.</summary>
    public static JsonObject PublicAccount(JsonObject account, bool withIntegrations = true)
    {
        var copy = (JsonObject)account.DeepClone();
        if (!withIntegrations)
        {
            copy.Remove("integrations");
        }
        else if (copy["integrations"] is JsonArray integrations)
        {
            foreach (var integration in integrations.OfType<JsonObject>())
            {
                foreach (var key in s_secretKeys)
                {
                    integration.Remove(key);
                }
            }
        }

        return copy;
    }

    public static JsonArray Of(JsonObject account) => account["integrations"] as JsonArray ?? [];

    /// <summary>The integration of <paramref name="type"/> (an app slug, or <see cref="DefaultAppType"/>) on the account.</summary>
    public static JsonObject? Find(JsonObject account, string type) =>
        Of(account).OfType<JsonObject>().FirstOrDefault(i => i.Str("type") == type);

    /// <summary>The connection of each auth type of an integration: {identifier, connectedAt, status, auth_type}.</summary>
    public static IEnumerable<JsonObject> Connections(JsonObject integration) =>
        (integration["connections"] as JsonObject ?? []).Select(c => c.Value).OfType<JsonObject>();

    /// <summary>
    /// Connects <paramref name="app"/> to the account with <paramref name="authType"/> (adding the integration or the
    /// connection, or refreshing its credentials). Call inside the account's update. Returns true when it is new.
    /// </summary>
    public static bool Connect(JsonObject account, AppDefinition app, string authType, string identifier, JsonObject credentials, string now, string status = "active")
    {
        if (account["integrations"] is not JsonArray integrations)
        {
            integrations = [];
            account["integrations"] = integrations;
        }

        var integration = Find(account, app.Slug);
        var isNew = integration is null;
        if (integration is null)
        {
            integration = new JsonObject
            {
                ["_id"] = ObjectIdLike(app.AppId, account.Str("_id")),
                ["type"] = app.Slug,
                ["name"] = app.Name,
                ["icon"] = app.Icon,
                ["app_id"] = null,
                ["reauth_required"] = false,
                ["refresh_token_expired"] = false,
                ["connections"] = new JsonObject(),
                ["createdAt"] = now,
            };
            integrations.Add((JsonNode)integration);
        }

        var connections = integration["connections"] as JsonObject ?? [];
        integration["connections"] = connections;
        isNew |= !connections.ContainsKey(authType);
        connections[authType] = new JsonObject
        {
            ["identifier"] = identifier,
            ["auth_type"] = authType,
            ["connectedAt"] = now,
            ["status"] = status,
            ["credentials"] = credentials.DeepClone(),
        };
        integration["reauth_required"] = Connections(integration).Any(c => c.Str("status") == "expired");
        integration["updatedAt"] = now;
        return isNew;
    }

    /// <summary>Removes the app's integration, or only its connection of <paramref name="authType"/>; true when something went.</summary>
    public static bool Disconnect(JsonObject account, string slug, string? authType)
    {
        var integrations = Of(account);
        var integration = Find(account, slug);
        if (integration is null)
        {
            return false;
        }

        if (authType is not null)
        {
            var connections = integration["connections"] as JsonObject;
            if (connections is null || !connections.Remove(authType))
            {
                return false;
            }

            if (connections.Count > 0)
            {
                return true;
            }
        }

        integrations.Remove(integration);
        return true;
    }

    /// <summary>Adds the org's default-app integration with these key/value credentials, or merges them into it.</summary>
    public static void SetDefaultAppCredentials(JsonObject account, OrgRecord org, JsonObject values, string now)
    {
        if (account["integrations"] is not JsonArray integrations)
        {
            integrations = [];
            account["integrations"] = integrations;
        }

        var integration = Find(account, DefaultAppType);
        if (integration is null)
        {
            integration = new JsonObject
            {
                ["_id"] = ObjectIdLike(org.Id, account.Str("_id")),
                ["type"] = DefaultAppType,
                ["name"] = org.Name + " App",
                ["icon"] = null,
                ["app_id"] = org.Id[..18] + "0000c1",
                ["reauth_required"] = false,
                ["credentials"] = new JsonObject { ["auth_credentials"] = new JsonObject() },
                ["createdAt"] = now,
            };
            integrations.Add((JsonNode)integration);
        }

        var stored = DefaultAppCredentials(integration);
        foreach (var (key, value) in values)
        {
            stored[key] = Doc.Text(value);
        }

        integration["updatedAt"] = now;
    }

    /// <summary>The key/value credentials of a default-app integration (live, for changing inside an update).</summary>
    public static JsonObject DefaultAppCredentials(JsonObject integration)
    {
        if (integration["credentials"] is not JsonObject credentials)
        {
            credentials = [];
            integration["credentials"] = credentials;
        }

        if (credentials["auth_credentials"] is not JsonObject values)
        {
            values = [];
            credentials["auth_credentials"] = values;
        }

        return values;
    }

    /// <summary>Publishes a connection webhook event for the account.</summary>
    public static void Publish(EmulatorRequest request, string eventName, string accountId, string slug) =>
        request.Events.PublishConnection(request.Caller.OrgId!, request.Caller.Environment!, eventName, accountId, slug, request.Now);

    // A stable 24-hex id derived from two others, so an integration keeps its _id across reconnects.
    private static string ObjectIdLike(string a, string? b) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(a + "/" + b)))[..24];
}
