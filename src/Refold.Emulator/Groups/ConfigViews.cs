using System.Text.Json.Nodes;
using Refold.Emulator.State;

namespace Refold.Emulator.Groups;

/// <summary>
/// Shapes an installed config as Refold returns it (<c>{slug, config_id, field_errors, fields, workflows}</c>) and turns
/// request bodies into stored values. A config stores only values: <c>values</c> maps field id to value, and
/// <c>workflows[]</c> holds <c>{id, enabled, values}</c>; names, types and options come from the definitions.
/// </summary>
internal static class ConfigViews
{
    /// <summary>The config view; <paramref name="config"/> null shows the app's fields unset (not installed yet).</summary>
    public static JsonObject View(ConfigScope scope, JsonObject? config, string configId, List<JsonObject>? errors = null)
    {
        errors ??= [];
        var values = config?["values"] as JsonObject ?? [];
        var fields = ConfigFields.OfApp(scope).Select(d => (JsonNode)ConfigFields.View(d, ConfigDatasources.OptionsFromValues(scope, d, values, errors), values)).ToList();
        var workflows = Workflows(scope, config, "fields", errors);
        var view = new JsonObject
        {
            ["slug"] = scope.App.Slug,
            ["config_id"] = configId,
            ["field_errors"] = new JsonArray([.. errors]),
            ["fields"] = new JsonArray([.. fields]),
            ["workflows"] = workflows,
        };
        if (config?["map_fields_object"] is JsonObject labels)
        {
            view["map_fields_object"] = labels.DeepClone();
        }

        return view;
    }

    /// <summary>
    /// The config's workflows: every workflow the app offers the account (enabled as stored, else its <c>autoEnable</c>),
    /// plus stored ones that still exist; each with its fields under <paramref name="fieldsKey"/>.
    /// </summary>
    public static JsonArray Workflows(ConfigScope scope, JsonObject? config, string fieldsKey, List<JsonObject> errors)
    {
        var stored = StoredWorkflows(config);
        var offered = KnownWorkflows.ForApp(scope.Data, scope.App, scope.AccountId);
        var entries = offered.Select(w => (Id: w.Str("_id")!, Doc: (JsonObject?)w)).ToList();
        foreach (var s in stored)
        {
            var id = s.Str("id")!;
            var doc = KnownWorkflows.Find(scope.Data, id);
            if (entries.All(e => e.Id != id) && doc is not null)
            {
                entries.Add((id, doc));
            }
        }

        return new JsonArray([.. entries.Select(e =>
        {
            var setting = stored.FirstOrDefault(s => s.Str("id") == e.Id);
            var values = setting?["values"] as JsonObject ?? [];
            var view = new JsonObject
            {
                ["id"] = e.Id,
                ["name"] = e.Doc.Str("name") ?? e.Id,
                ["description"] = e.Doc.Str("description") ?? "",
                ["enabled"] = setting.Bool("enabled") ?? e.Doc.Bool("autoEnable") ?? false,
                [fieldsKey] = new JsonArray([.. KnownWorkflows.Fields(e.Doc).Select(d => (JsonNode)ConfigFields.View(d, ConfigDatasources.OptionsFromValues(scope, d, values, errors), values))]),
            };
            if (e.Doc.Str("icon") is { } icon)
            {
                view["icon"] = icon;
            }

            return (JsonNode)view;
        })]);
    }

    /// <summary>The stored workflow settings of a config (live objects when <paramref name="config"/> is).</summary>
    public static List<JsonObject> StoredWorkflows(JsonObject? config) => [.. (config?["workflows"] as JsonArray ?? []).OfType<JsonObject>()];

    /// <summary>The stored setting of one workflow in a config, added (enabled as the workflow's autoEnable) when missing.</summary>
    public static JsonObject WorkflowSetting(ConfigScope scope, JsonObject config, string workflowId)
    {
        if (config["workflows"] is not JsonArray workflows)
        {
            workflows = [];
            config["workflows"] = workflows;
        }

        var setting = workflows.OfType<JsonObject>().FirstOrDefault(w => w.Str("id") == workflowId);
        if (setting is null)
        {
            setting = new JsonObject
            {
                ["id"] = workflowId,
                ["enabled"] = KnownWorkflows.Find(scope.Data, workflowId).Bool("autoEnable") ?? false,
                ["values"] = new JsonObject(),
            };
            workflows.Add((JsonNode)setting);
        }

        return setting;
    }

    /// <summary>The values object a field id lives in: the config's, or the workflow's when <paramref name="workflowId"/> is given (live).</summary>
    public static JsonObject ValuesOf(ConfigScope scope, JsonObject config, string? workflowId)
    {
        var holder = workflowId is null ? config : WorkflowSetting(scope, config, workflowId);
        if (holder["values"] is not JsonObject values)
        {
            values = [];
            holder["values"] = values;
        }

        return values;
    }

    /// <summary>
    /// Stored values from field entries <c>[{id, value}]</c>: an entry without a value leaves the field unset; an unknown
    /// id or a value that does not fit its field_type is reported in <paramref name="errors"/> and not stored.
    /// </summary>
    public static JsonObject Values(IReadOnlyList<JsonObject> definitions, JsonArray entries, List<JsonObject> errors)
    {
        var values = new JsonObject();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var id = entry.Str("id") ?? entry.Str("_id");
            var definition = definitions.FirstOrDefault(d => ConfigFields.IdOf(d) == id);
            if (definition is null)
            {
                errors.Add(new JsonObject { ["field_id"] = id, ["field_name"] = entry.Str("name"), ["message"] = $"Field with id {id} not found" });
            }
            else if (entry["value"] is { } value)
            {
                if (ConfigFields.Misfit(definition, value) is { } problem)
                {
                    errors.Add(ConfigFields.Error(definition, problem));
                }
                else
                {
                    values[id!] = value.DeepClone();
                }
            }
        }

        return values;
    }

    /// <summary>
    /// Stored workflow settings from <c>[{id, enabled, fields | data_slots}]</c>; 400 for an entry without id and 404
    /// INVALID_WORKFLOW_ID for a workflow that does not exist.
    /// </summary>
    public static JsonArray WorkflowSettings(ConfigScope scope, JsonArray entries, List<JsonObject> errors)
    {
        var settings = new JsonArray();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var id = entry.Str("id") ?? throw scope.Request.BadRequest("workflows[].id is required");
            RequireWorkflow(scope, id);
            var fields = entry["fields"] as JsonArray ?? entry["data_slots"] as JsonArray ?? [];
            settings.Add((JsonNode)new JsonObject
            {
                ["id"] = id,
                ["enabled"] = entry.Bool("enabled") ?? false,
                ["values"] = Values([.. KnownWorkflows.Fields(KnownWorkflows.Find(scope.Data, id))], fields, errors),
            });
        }

        return settings;
    }

    /// <summary>404 INVALID_WORKFLOW_ID when workflows exist and none has this id.</summary>
    public static void RequireWorkflow(ConfigScope scope, string workflowId)
    {
        if (KnownWorkflows.IsUnknown(scope.Data, workflowId))
        {
            throw scope.Request.Error(404, "INVALID_WORKFLOW_ID", $"Workflow with id {workflowId} not found");
        }
    }
}
