using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Configs &amp; Config Fields: installing an app for a linked account (config id = the account id unless a custom one is
/// given), reading, replacing and deleting configs, switching their workflows, and single field values and options
/// (<see cref="ConfigFieldHandlers"/>). Every call is scoped to one linked account: the token's, or the header's.
/// </summary>
internal sealed class ConfigsGroup : EmulatorGroup
{
    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Configs.GetOrCreateConfig, GetOrCreate);
        routes.Map(Ops.Configs.UpdateConfig, Update);
        routes.Map(Ops.Configs.GetConfigDefault, req => Get(req, null));
        routes.Map(Ops.Configs.DeleteConfigDefault, req => Delete(req, null));
        routes.Map(Ops.Configs.GetConfig, req => Get(req, req.Route("configId")));
        routes.Map(Ops.Configs.DeleteConfig, req => Delete(req, req.Route("configId")));
        routes.Map(Ops.Configs.ToggleConfigWorkflow, Toggle);
        routes.Map(Ops.Configs.ToggleConfigWorkflowPut, Toggle);
        routes.Map(Ops.Configs.ListConfigIds, ListIds);
        routes.Map(Ops.Configs.GetConfigFields, ConfigFieldHandlers.All);
        routes.Map(Ops.Configs.GetConfigFieldOptions, ConfigFieldHandlers.Options);
        routes.Map(Ops.Configs.UpdateConfigField, ConfigFieldHandlers.Set);
        routes.Map(Ops.Configs.DeleteConfigFieldValue, ConfigFieldHandlers.Clear);
        routes.Map(Ops.Configs.GetRuleEngineOptions, ConfigFieldHandlers.RuleEngineOptions);
    }

    public override void Seed(DemoSeed seed) => DemoConfigs.Seed(seed);

    private static EmulatorResult GetOrCreate(EmulatorRequest req)
    {
        var body = req.Fields;
        var scope = ConfigScope.For(req, body.Str("slug")!);
        var configId = scope.ConfigIdOr(body.Str("config_id"));
        var errors = new List<JsonObject>();
        var config = req.State.Atomically(() =>
        {
            if (scope.Find(configId) is { } existing)
            {
                return existing;
            }

            var fresh = scope.NewConfig(configId);
            Apply(scope, fresh, body, errors);
            return scope.Configs.Insert(fresh);
        });
        return ConfigViews.View(scope, config, configId, errors);
    }

    private static EmulatorResult Update(EmulatorRequest req)
    {
        var body = req.Fields;
        var scope = ConfigScope.For(req, body.Str("slug")!);
        var configId = scope.ConfigIdOr(body.Str("config_id"));
        var errors = new List<JsonObject>();
        var config = req.State.Atomically(() =>
        {
            scope.Require(configId);
            var replacement = new JsonObject();
            Apply(scope, replacement, body, errors);
            return scope.Update(configId, c =>
            {
                foreach (var (key, value) in replacement)
                {
                    c[key] = value?.DeepClone();
                }
            });
        });
        return ConfigViews.View(scope, config, configId, errors);
    }

    // Sets what the body sends (fields, workflows, label mappings) on a config, each part replacing the stored one.
    private static void Apply(ConfigScope scope, JsonObject config, DeclaredBody body, List<JsonObject> errors)
    {
        if ((body["fields"] ?? body["application_data_slots"]) is JsonArray fields)
        {
            config["values"] = ConfigViews.Values(ConfigFields.OfApp(scope), fields, errors);
        }

        if (body["workflows"] is JsonArray workflows)
        {
            config["workflows"] = ConfigViews.WorkflowSettings(scope, workflows, errors);
        }

        if ((body["map_fields_object"] ?? body["labels"]) is JsonObject labels)
        {
            config["map_fields_object"] = labels.DeepClone();
        }
    }

    private static EmulatorResult Get(EmulatorRequest req, string? configId)
    {
        var scope = ConfigScope.For(req, req.Route("slug"));
        var id = scope.ConfigIdOr(configId);
        return ConfigViews.View(scope, scope.Require(id), id);
    }

    private static EmulatorResult Delete(EmulatorRequest req, string? configId)
    {
        var scope = ConfigScope.For(req, req.Route("slug"));
        var id = scope.ConfigIdOr(configId);
        var config = scope.Require(id);
        scope.Configs.Delete(config.Str("_id")!);
        return new JsonObject { ["message"] = "Installation Deleted Success" };
    }

    private static EmulatorResult Toggle(EmulatorRequest req)
    {
        var scope = ConfigScope.For(req, req.Route("slug"));
        var configId = req.Route("configId");
        var workflowId = req.Route("workflowId");
        var enabled = req.Fields.Bool("enabled")!.Value;
        var config = req.State.Atomically(() =>
        {
            scope.Require(configId);
            if (Integrations.Find(scope.Account, scope.App.Slug) is null)
            {
                throw req.BadRequest($"Application {scope.App.Slug} is not connected for linked account {scope.AccountId}; connect it before enabling its workflows");
            }

            ConfigViews.RequireWorkflow(scope, workflowId);
            return scope.Update(configId, c => ConfigViews.WorkflowSetting(scope, c, workflowId)["enabled"] = enabled);
        });
        return new JsonObject { ["workflows"] = ConfigViews.Workflows(scope, config, "data_slots", []) };
    }

    private static EmulatorResult ListIds(EmulatorRequest req)
    {
        var scope = ConfigScope.For(req, req.Route("slug"));
        return Doc.Array(scope.Configs
            .Find(c => Doc.Is(c, "linked_account_id", scope.AccountId) && Doc.Is(c, "slug", scope.App.Slug))
            .Select(c => new JsonObject { ["_id"] = c.Str("_id"), ["config_id"] = c.Str("config_id") }));
    }
}
