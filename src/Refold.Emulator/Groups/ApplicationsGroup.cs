using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>Applications: the demo catalogue with each app's connection status, its actions, their schemas, and running them.</summary>
internal sealed class ApplicationsGroup : EmulatorGroup
{
    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Applications.ListApplications, List);
        routes.Map(Ops.Applications.GetApplication, Get);
        routes.Map(Ops.Applications.ListApplicationActions, ListActions);
        routes.Map(Ops.Applications.GetApplicationActionSchema, ActionSchema);
        routes.Map(Ops.Applications.ExecuteApplicationAction, Execute);
    }

    private static EmulatorResult List(EmulatorRequest req)
    {
        var account = Account(req);
        var slug = req.Query("slug");
        return Doc.Array(Matching(req).Where(a => slug is null || a.Slug == slug).Select(a => Item(a, account)));
    }

    private static EmulatorResult Get(EmulatorRequest req)
    {
        var slug = req.Route("slug");
        var app = Matching(req).FirstOrDefault(a => a.Slug == slug)
            ?? throw req.Error(404, "EXTERNAL_API_FAILURE", $"Application with app_type '{slug}' not found for org {req.Caller.OrgId}", "EXTERNAL_API_ERROR");
        return Item(app, Account(req));
    }

    private static EmulatorResult ListActions(EmulatorRequest req)
    {
        var app = App(req);
        req.RequireLinkedAccount();
        return Doc.Array(app.Actions.Select(a => new JsonObject
        {
            ["name"] = a.Name,
            ["action_id"] = a.Id,
            ["description"] = a.Description,
            ["tag"] = "v2",
        }));
    }

    private static EmulatorResult ActionSchema(EmulatorRequest req)
    {
        var (_, action) = Action(req);
        req.RequireLinkedAccount();
        return Doc.Array(action.Parameters.Select(p => new JsonObject
        {
            ["name"] = p.Name,
            ["label"] = p.Label,
            ["required"] = p.Required,
            ["type"] = p.Type,
        }));
    }

    private static EmulatorResult Execute(EmulatorRequest req)
    {
        var (app, action) = Action(req);
        var account = req.RequireLinkedAccount();
        var inputs = req.Fields.Object;
        if (AppActionRunner.Refusal(account, app, action, inputs) is { } refusal)
        {
            throw req.Error(refusal.Status, refusal.Code, refusal.Message);
        }

        return AppActionRunner.Run(req.Data, account.Str("account_id")!, app, action, inputs);
    }

    private static AppDefinition App(EmulatorRequest req)
    {
        var slug = req.Route("slug");
        return DemoApps.Find(slug) ?? throw req.NotFound($"Application app_type '{slug}' not found", "SERVER_ERROR");
    }

    private static (AppDefinition App, AppAction Action) Action(EmulatorRequest req)
    {
        var app = App(req);
        var id = req.Route("action_id");
        return (app, app.Action(id) ?? throw req.NotFound($"Action {id} not found in Application {app.Slug}", "SERVER_ERROR"));
    }

    // The account whose connection status is reported; an unknown or absent one simply has nothing connected.
    private static JsonObject? Account(EmulatorRequest req) =>
        req.Caller.LinkedAccountId is { } id ? req.Data.Collection(Collections.LinkedAccounts).FindOne(a => Doc.Is(a, "account_id", id)) : null;

    private static IEnumerable<AppDefinition> Matching(EmulatorRequest req)
    {
        var tags = req.Query("tags");
        var ecosystem = req.Query("ecosystem");
        var authType = req.Query("auth_type");
        return DemoApps.All.Where(a =>
            (tags is null || a.Tags.Contains(tags, StringComparer.OrdinalIgnoreCase))
            && (ecosystem is null || ecosystem == "false")
            && (authType is null || a.AuthTypes.Contains(authType)));
    }

    /// <summary>An app as Refold lists it for a linked account.</summary>
    internal static JsonObject Item(AppDefinition app, JsonObject? account)
    {
        var integration = account is null ? null : Integrations.Find(account, app.Slug);
        List<JsonObject> connections = integration is null ? [] : [.. Integrations.Connections(integration)];
        var form = new JsonArray([.. app.KeyFields.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["label"] = f.Label,
            ["placeholder"] = f.Label,
            ["required"] = f.Required,
            ["type"] = f.Type == "password" ? "password" : "text",
        })]);
        var options = new JsonObject();
        foreach (var type in app.AuthTypes)
        {
            options[type] = type == "keybased" ? form.DeepClone() : new JsonArray();
        }

        return new JsonObject
        {
            ["_id"] = app.AppId,
            ["name"] = app.Name,
            ["icon"] = app.Icon,
            ["description"] = app.Description,
            ["auth_type"] = app.AuthType,
            ["type"] = app.Slug,
            ["app_id"] = app.AppId,
            ["tags"] = new JsonArray([.. app.Tags.Select(t => (JsonNode)t)]),
            ["ecosystem"] = false,
            ["slug"] = app.Slug,
            ["auth_type_options"] = options,
            ["auth_input_map"] = form,
            ["connected"] = connections.Count > 0,
            ["connected_accounts"] = new JsonArray([.. connections.Select(c => (JsonNode)new JsonObject
            {
                ["identifier"] = c.Str("identifier"),
                ["connectedAt"] = c.Str("connectedAt"),
                ["status"] = c.Str("status"),
                ["auth_type"] = c.Str("auth_type"),
            })]),
            ["reauth_required"] = connections.Any(c => c.Str("status") == "expired"),
        };
    }
}
