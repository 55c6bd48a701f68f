using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.State;

namespace Refold.Emulator.Groups;

/// <summary>
/// The config-field operations of <see cref="ConfigsGroup"/>: the app is named by the <c>slug</c> header, the config by
/// the <c>config_id</c> query (default: the linked account id), and <c>workflow_id</c> targets a field inside a workflow.
/// </summary>
internal static class ConfigFieldHandlers
{
    /// <summary>get_config_fields: the default config's view, or the app's unset fields when it is not installed yet.</summary>
    public static EmulatorResult All(EmulatorRequest req)
    {
        var scope = Scope(req);
        return ConfigViews.View(scope, scope.Find(scope.AccountId), scope.AccountId);
    }

    /// <summary>get_config_field_options: one field with freshly resolved options; a sent <c>value</c> feeds a dependent datasource.</summary>
    public static EmulatorResult Options(EmulatorRequest req)
    {
        var scope = Scope(req);
        var workflowId = req.Query("workflow_id");
        var definition = ConfigFields.Require(scope, req.Route("fieldId"), workflowId);
        var values = StoredValues(scope, scope.Find(scope.ConfigIdOr(req.Query("config_id"))), workflowId);
        var errors = new List<JsonObject>();
        var parentValue = req.Fields.ContainsKey("value") ? req.Fields["value"]
            : definition.Str("parent") is { } parent ? values[parent] : null;
        return WithErrors(ConfigFields.View(definition, ConfigDatasources.Options(scope, definition, parentValue, errors), values), errors);
    }

    /// <summary>update_config_field: stores a value that fits the field's type in an installed config.</summary>
    public static EmulatorResult Set(EmulatorRequest req) =>
        Change(req, req.Fields["value"] ?? throw req.BadRequest("value is required"));

    /// <summary>delete_config_field_value: unsets the field so it shows its defaultValue again.</summary>
    public static EmulatorResult Clear(EmulatorRequest req) => Change(req, null);

    /// <summary>get_rule_engine_options: the options of one column (matched by name) of a rule_engine field, as <c>{options}</c>.</summary>
    public static EmulatorResult RuleEngineOptions(EmulatorRequest req)
    {
        var scope = Scope(req);
        var fieldId = req.Route("fieldId");
        var definition = ConfigFields.Require(scope, fieldId, req.Query("workflow_id"));
        if (definition.Str("field_type") != "rule_engine" || definition["rule_columns"] is not JsonArray { Count: > 0 } columns)
        {
            throw req.BadRequest($"Field with id {fieldId} is not of type rule engine or has undefined columns");
        }

        var name = req.Fields["rule_column"].Str("name") ?? throw req.BadRequest("rule_column.name is required");
        var column = columns.OfType<JsonObject>().FirstOrDefault(c => string.Equals(c.Str("name"), name, StringComparison.OrdinalIgnoreCase))
            ?? throw req.BadRequest($"Rule column {name} not found in field {definition.Str("name")}");
        var errors = new List<JsonObject>();
        var result = new JsonObject { ["options"] = ConfigDatasources.Options(scope, column, null, errors) };
        if (errors.Count > 0)
        {
            result["error"] = errors[0].Str("message");
        }

        return result;
    }

    private static ConfigScope Scope(EmulatorRequest req) => ConfigScope.For(req, req.Header("slug")!);

    // Sets (or, for null, unsets) one field's value in an installed config: 404 when not installed, 400 for an unknown
    // field or a value that does not fit; answers the field as it now is.
    private static EmulatorResult Change(EmulatorRequest req, JsonNode? value)
    {
        var scope = Scope(req);
        var configId = scope.ConfigIdOr(req.Query("config_id"));
        var workflowId = req.Query("workflow_id");
        var (definition, config) = req.State.Atomically(() =>
        {
            scope.Require(configId);
            var definition = ConfigFields.Require(scope, req.Route("fieldId"), workflowId);
            if (value is not null && ConfigFields.Misfit(definition, value) is { } problem)
            {
                throw req.BadRequest(problem);
            }

            var id = ConfigFields.IdOf(definition)!;
            return (definition, scope.Update(configId, c =>
            {
                var values = ConfigViews.ValuesOf(scope, c, workflowId);
                if (value is null)
                {
                    values.Remove(id);
                }
                else
                {
                    values[id] = value.DeepClone();
                }
            }));
        });
        var values = StoredValues(scope, config, workflowId);
        var errors = new List<JsonObject>();
        return WithErrors(ConfigFields.View(definition, ConfigDatasources.OptionsFromValues(scope, definition, values, errors), values), errors);
    }

    private static JsonObject StoredValues(ConfigScope scope, JsonObject? config, string? workflowId) =>
        config is null ? []
        : workflowId is null ? config["values"] as JsonObject ?? []
        : ConfigViews.StoredWorkflows(config).FirstOrDefault(w => w.Str("id") == workflowId)?["values"] as JsonObject ?? [];

    private static JsonObject WithErrors(JsonObject field, List<JsonObject> errors)
    {
        if (errors.Count > 0)
        {
            field["field_errors"] = new JsonArray([.. errors]);
        }

        return field;
    }
}
