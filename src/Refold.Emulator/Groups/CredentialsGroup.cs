using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Credentials: key-based credentials checked against the app's form, default-app key/values, and importing tokens.
/// The emulator's "provider" rejects any credential value <see cref="RejectedValue"/>, so verification failures can be tested.
/// </summary>
internal sealed class CredentialsGroup : EmulatorGroup
{
    /// <summary>A credential value the emulated providers refuse (answers 500 "Failed to verify credentials").</summary>
    public const string RejectedValue = "invalid";

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Credentials.SaveKeyCredentials, SaveKeyCredentials);
        routes.Map(Ops.Credentials.UpsertDefaultAppCredential, UpsertDefault);
        routes.Map(Ops.Credentials.DeleteDefaultAppCredential, DeleteDefault);
        routes.Map(Ops.Credentials.MigrateToken, Migrate);
    }

    private static EmulatorResult SaveKeyCredentials(EmulatorRequest req)
    {
        var slug = req.Route("slug");
        var app = DemoApps.Find(slug)
            ?? throw req.Error(404, "EXTERNAL_API_FAILURE", $"Application with app_type '{slug}' not found for org {req.Caller.OrgId}", "EXTERNAL_API_ERROR");
        var authType = req.Query("auth_type") ?? "keybased";
        if (authType != "keybased" || !app.AuthTypes.Contains("keybased"))
        {
            throw req.BadRequest($"Application {slug} does not support {authType} credentials");
        }

        var body = req.Fields.Object;
        var missing = app.KeyFields.Where(f => f.Required && string.IsNullOrEmpty(Doc.Text(body[f.Name]))).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            throw req.BadRequest($"Missing credential field(s) for {slug}: {string.Join(", ", missing)}", "MISSING_REQUIRED_FIELD");
        }

        Verify(req, body);
        Connect(req, app, authType, body, Doc.Text(body[app.KeyFields[0].Name]) ?? slug);
        return new JsonObject { ["success"] = true };
    }

    private static EmulatorResult Migrate(EmulatorRequest req)
    {
        var body = req.Fields;
        var slug = body.Str("slug")!;
        if (slug == Integrations.DefaultAppType)
        {
            return RefoldErrors.OkWithError("Custom apps are not supported for this endpoint.");
        }

        if (DemoApps.Find(slug) is not { } app)
        {
            return RefoldErrors.OkWithError($"Application {slug} not found");
        }

        var authObject = (JsonObject)body["auth_object"]!;
        if (authObject.Count != 1 || authObject.First().Value is not JsonObject fields)
        {
            return RefoldErrors.OkWithError("auth_object must have exactly one key naming the auth type, holding that type's fields");
        }

        var authType = authObject.First().Key;
        if (!app.AuthTypes.Contains(authType))
        {
            return RefoldErrors.OkWithError($"Auth type {authType} is not supported by {slug}; it supports {string.Join(", ", app.AuthTypes)}");
        }

        var schema = (JsonObject)AuthStructureGroup.Of(app)[authType]!;
        var missing = schema.Where(f => f.Value is JsonValue && string.IsNullOrEmpty(Doc.Text(fields[f.Key])))
            .Where(f => authType != "oauth2" || f.Key is "access_token")
            .Select(f => f.Key).ToList();
        if (missing.Count > 0)
        {
            return RefoldErrors.OkWithError($"Invalid auth_object for {slug}: missing {string.Join(", ", missing)}");
        }

        Verify(req, fields);
        Connect(req, app, authType, fields, slug + "-" + req.RequireLinkedAccountId());
        return new JsonObject { ["success"] = true, ["message"] = "Token migrated successfully" };
    }

    private static EmulatorResult UpsertDefault(EmulatorRequest req)
    {
        var key = req.Route("key");
        var value = Doc.Text(req.Fields["value"]);
        var accountId = req.RequireLinkedAccountId();
        string? action = null;
        Update(req, accountId, integration =>
        {
            var values = Integrations.DefaultAppCredentials(integration);
            action = values.ContainsKey(key) ? "updated" : "added";
            values[key] = value;
            integration["updatedAt"] = req.Timestamp;
        });
        return new JsonObject { ["success"] = true, ["message"] = $"Auth credential '{key}' {action} successfully", ["action"] = action };
    }

    private static EmulatorResult DeleteDefault(EmulatorRequest req)
    {
        var key = req.Route("key");
        var accountId = req.RequireLinkedAccountId();
        Update(req, accountId, integration =>
        {
            if (!Integrations.DefaultAppCredentials(integration).Remove(key))
            {
                throw req.NotFound($"Auth credential key '{key}' not found");
            }
        });
        return new JsonObject { ["success"] = true, ["message"] = $"Auth credential '{key}' deleted successfully" };
    }

    // Changes the default-app integration of the account; 404 when the account or the integration is missing.
    private static void Update(EmulatorRequest req, string accountId, Action<JsonObject> change)
    {
        var updated = req.Data.Collection(Collections.LinkedAccounts).UpdateOne(a => Doc.Is(a, "account_id", accountId), account =>
        {
            var integration = Integrations.Find(account, Integrations.DefaultAppType)
                ?? throw req.NotFound($"Default app integration not found for linked account {accountId}");
            change(integration);
        });
        if (updated is null)
        {
            throw req.NotFound($"Default app integration not found for linked account {accountId}");
        }
    }

    private static void Verify(EmulatorRequest req, JsonObject credentials)
    {
        if (credentials.Any(c => Doc.Text(c.Value) == RejectedValue))
        {
            throw req.Error(500, "SERVER_ERROR", "Failed to verify credentials: the provider rejected them (401 Unauthorized)");
        }
    }

    private static void Connect(EmulatorRequest req, AppDefinition app, string authType, JsonObject credentials, string identifier)
    {
        var accountId = req.RequireLinkedAccountId();
        var isNew = false;
        _ = req.Data.Collection(Collections.LinkedAccounts).UpdateOne(
                a => Doc.Is(a, "account_id", accountId),
                a => isNew = Integrations.Connect(a, app, authType, identifier, credentials, req.Timestamp))
            ?? throw req.Error(404, "SERVER_ERROR", $"Linked Account with account id {accountId} for org {req.Caller.OrgId} in environment {req.Caller.Environment} not found");
        if (isNew)
        {
            Integrations.Publish(req, WebhookEventNames.ConnectionCreated, accountId, app.Slug);
        }
    }
}
