using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>Linked accounts: create, upsert, read, list, delete, disconnect an app, and the session's own account.</summary>
internal sealed class LinkedAccountsGroup : EmulatorGroup
{
    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.LinkedAccounts.ListLinkedAccounts, List);
        routes.Map(Ops.LinkedAccounts.CreateLinkedAccount, Create);
        routes.Map(Ops.LinkedAccounts.UpsertLinkedAccount, Upsert);
        routes.Map(Ops.LinkedAccounts.GetLinkedAccount, Get);
        routes.Map(Ops.LinkedAccounts.DeleteLinkedAccount, Delete);
        routes.Map(Ops.LinkedAccounts.DeleteLinkedAccountIntegration, DeleteIntegration);
        routes.Map(Ops.LinkedAccounts.GetActiveLinkedAccount, req => Integrations.PublicAccount(req.RequireLinkedAccount()));
    }

    public override void Seed(DemoSeed seed)
    {
        var accounts = seed.Partition.Collection(Collections.LinkedAccounts);
        var globex = NewAccount(seed.Partition, DemoOrg.GlobexAccount, "Globex Corp", new JsonObject { ["region"] = "emea", ["tier"] = "gold" }, seed.State);
        globex["createdAt"] = seed.Ago(TimeSpan.FromDays(30));
        globex["updatedAt"] = seed.Ago(TimeSpan.FromDays(30));
        Integrations.Connect(globex, DemoApps.Find("hubspot")!, "oauth2", "globex.example.com", Secret("oauth2"), seed.Ago(TimeSpan.FromDays(29)));
        Integrations.Connect(globex, DemoApps.Find("zendesk")!, "keybased", "globex", new JsonObject { ["subdomain"] = "globex", ["email"] = "it@globex.example.com", ["api_token"] = "zd-demo-token" }, seed.Ago(TimeSpan.FromDays(20)));
        Integrations.Connect(globex, DemoApps.Find("slack")!, "oauth2", "globex-team", Secret("oauth2"), seed.Ago(TimeSpan.FromDays(10)));
        Integrations.SetDefaultAppCredentials(globex, seed.Org, new JsonObject { ["api_key"] = "globex-demo-key" }, seed.Ago(TimeSpan.FromDays(30)));
        accounts.Insert(globex);

        var initech = NewAccount(seed.Partition, DemoOrg.InitechAccount, "Initech", new JsonObject { ["region"] = "amer", ["tier"] = "silver" }, seed.State);
        initech["createdAt"] = seed.Ago(TimeSpan.FromDays(14));
        initech["updatedAt"] = seed.Ago(TimeSpan.FromDays(14));
        Integrations.Connect(initech, DemoApps.Find("salesforce")!, "oauth2", "initech.my.salesforce.com", Secret("oauth2"), seed.Ago(TimeSpan.FromDays(13)));
        Integrations.Connect(initech, DemoApps.Find("stripe")!, "keybased", "acct_initech_stripe", new JsonObject { ["api_key"] = "sk_test_demo" }, seed.Ago(TimeSpan.FromDays(12)));
        Integrations.Connect(initech, DemoApps.Find("github")!, "oauth2", "initech", Secret("oauth2"), seed.Ago(TimeSpan.FromDays(90)), status: "expired");
        accounts.Insert(initech);
    }

    private static JsonObject Secret(string kind) => new() { ["access_token"] = $"demo-{kind}-access", ["refresh_token"] = $"demo-{kind}-refresh" };

    private static EmulatorResult List(EmulatorRequest req)
    {
        var name = req.Query("env_variable_name");
        var value = req.Query("env_variable_value");
        var accounts = req.Data.Collection(Collections.LinkedAccounts)
            .Find(a => name is null || Udf(a).Any(u => u.Str("key_name") == name && (value is null || u.Str("key_value") == value)))
            .Select(a => (JsonNode?)Integrations.PublicAccount(a))
            .ToList();
        return Paging.Page(req, accounts);
    }

    private static EmulatorResult Create(EmulatorRequest req)
    {
        var body = req.Fields;
        var id = body.Str("account_id") ?? body.Str("linked_account_id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw req.BadRequest("linked_account_id required", "INVALID_LINKED_ACCOUNT_ID");
        }

        CheckUdf(req, body["udf"]);
        var yourApp = YourAppCredentials(req, body.Object);
        var accounts = req.Data.Collection(Collections.LinkedAccounts);
        var created = req.State.Atomically(() =>
        {
            if (accounts.FindOne(a => Doc.Is(a, "account_id", id)) is not null)
            {
                throw req.BadRequest($"Linked account with account id {id} already exists in environment {req.Caller.Environment}", "INVALID_LINKED_ACCOUNT_ID");
            }

            var account = NewAccount(req.Data, id, body.Str("name") ?? id, body["udf"] as JsonObject, req.State);
            if (yourApp is not null)
            {
                Integrations.SetDefaultAppCredentials(account, req.State.FindOrg(req.Caller.OrgId!)!, yourApp, req.Timestamp);
            }

            return accounts.Insert(account);
        });
        return Integrations.PublicAccount(created, withIntegrations: false);
    }

    private static EmulatorResult Upsert(EmulatorRequest req)
    {
        var body = req.Fields;
        var id = req.Caller.IsSessionToken ? req.Caller.LinkedAccountId : body.Str("account_id") ?? body.Str("linked_account_id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw req.BadRequest("linked_account_id required", "INVALID_LINKED_ACCOUNT_ID");
        }

        var fields = body["payload"] as JsonObject ?? body.Object;
        CheckUdf(req, fields["udf"]);
        var yourApp = YourAppCredentials(req, fields);
        var org = req.State.FindOrg(req.Caller.OrgId!)!;
        var accounts = req.Data.Collection(Collections.LinkedAccounts);
        var (account, isNew) = req.State.Atomically(() =>
        {
            var updated = accounts.UpdateOne(a => Doc.Is(a, "account_id", id), a =>
            {
                if (fields.Str("name") is { } name)
                {
                    a["name"] = name;
                }

                if (fields["udf"] is JsonObject udf)
                {
                    MergeUdf(a, udf, req.State);
                }

                if (yourApp is not null)
                {
                    Integrations.SetDefaultAppCredentials(a, org, yourApp, req.Timestamp);
                }
            });
            if (updated is not null)
            {
                return (updated, false);
            }

            var fresh = NewAccount(req.Data, id, fields.Str("name") ?? id, fields["udf"] as JsonObject, req.State);
            if (yourApp is not null)
            {
                Integrations.SetDefaultAppCredentials(fresh, org, yourApp, req.Timestamp);
            }

            return (accounts.Insert(fresh), true);
        });
        var result = Integrations.PublicAccount(account, withIntegrations: false);
        result["new_account"] = isNew;
        return result;
    }

    private static EmulatorResult Get(EmulatorRequest req)
    {
        var id = req.Route("linked_account_id");

        // A session token reads only its own account; any other id looks as absent as an unknown one.
        if (req.Caller.IsSessionToken && req.Caller.LinkedAccountId != id)
        {
            throw NotFound(req, id);
        }

        return Integrations.PublicAccount(req.FindLinkedAccount(id));
    }

    private static EmulatorResult Delete(EmulatorRequest req)
    {
        var id = req.Route("linked_account_id");
        var partition = req.Data;
        if (partition.Collection(Collections.LinkedAccounts).DeleteWhere(a => Doc.Is(a, "account_id", id)) == 0)
        {
            throw NotFound(req, id);
        }

        req.Services.GetRequiredService<SessionTokenService>().RevokeAll(partition, id);
        return new JsonObject { ["message"] = "User deleted successfully" };
    }

    private static EmulatorResult DeleteIntegration(EmulatorRequest req)
    {
        var id = req.RequireLinkedAccountId();
        var slug = req.Route("slug");
        var removed = false;
        var account = req.Data.Collection(Collections.LinkedAccounts).UpdateOne(
            a => Doc.Is(a, "account_id", id),
            a => removed = Integrations.Disconnect(a, slug, req.Query("auth_type")))
            ?? throw NotFound(req, id);
        if (removed)
        {
            Integrations.Publish(req, WebhookEventNames.ConnectionDeleted, id, slug);
        }

        return Integrations.PublicAccount(account);
    }

    private static EmulatorException NotFound(EmulatorRequest req, string id) =>
        req.Error(404, "SERVER_ERROR", $"Linked Account with account id {id} for org {req.Caller.OrgId} in environment {req.Caller.Environment} not found");

    private static JsonObject? YourAppCredentials(EmulatorRequest req, JsonObject fields)
    {
        if (fields["your_app"] is null)
        {
            return null;
        }

        return (fields["your_app"] as JsonObject)?["auth_credentials"] as JsonObject
            ?? throw req.BadRequest("your_app.auth_credentials is required when your_app is sent");
    }

    private static JsonObject NewAccount(Partition partition, string accountId, string name, JsonObject? udf, EmulatorState state)
    {
        var account = new JsonObject
        {
            ["_id"] = state.NewObjectId(),
            ["associated_org"] = partition.OrgId,
            ["account_id"] = accountId,
            ["name"] = name,
            ["environment"] = partition.Environment,
            ["udf"] = new JsonArray(),
            ["integrations"] = new JsonArray(),
        };
        if (udf is not null)
        {
            MergeUdf(account, udf, state);
        }

        return account;
    }

    // Refold's document: udf is a flat map of strings, stored and returned as {key_name, key_value: string}.
    // A null (or nested) value has no string to store, so it is refused naming the key instead of coming back as null.
    private static void CheckUdf(EmulatorRequest req, JsonNode? udf)
    {
        if (udf is JsonObject map && map.FirstOrDefault(u => u.Value is null or JsonObject or JsonArray) is { Key: { } key } bad)
        {
            var got = bad.Value is null ? "null" : bad.Value.GetValueKind().ToString().ToLowerInvariant();
            throw req.BadRequest($"udf.{key} must be a string (udf is a flat map of strings), got {got}; send a string value or leave the key out", "INVALID_UDF");
        }
    }

    private static IEnumerable<JsonObject> Udf(JsonObject account) => (account["udf"] as JsonArray ?? []).OfType<JsonObject>();

    // udf arrives as a flat string map and is stored as [{key_name, key_value, _id}]; a known key is overwritten.
    private static void MergeUdf(JsonObject account, JsonObject udf, EmulatorState state)
    {
        if (account["udf"] is not JsonArray entries)
        {
            entries = [];
            account["udf"] = entries;
        }

        foreach (var (key, value) in udf)
        {
            var existing = entries.OfType<JsonObject>().FirstOrDefault(e => e.Str("key_name") == key);
            if (existing is not null)
            {
                existing["key_value"] = Doc.Text(value);
            }
            else
            {
                entries.Add((JsonNode)new JsonObject { ["key_name"] = key, ["key_value"] = Doc.Text(value), ["_id"] = state.NewObjectId() });
            }
        }
    }
}
