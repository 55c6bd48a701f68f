using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Configs &amp; Config Fields: install an app for a linked account and read, change, toggle or remove its configs and single field values.</summary>
public static class Configs
{
    public static OperationGroup Group { get; } = new("configs", "Configs & Config Fields", "Install an application for a linked account and read, change, toggle or remove its configs, including single config field values and their datasource-driven options.");

    private static Parameter DisableFieldOptions { get; } = Param.Header(
        "disable_field_options",
        "") with { Enum = ["true", "false"] };

    private static Parameter ConfigIdQuery { get; } = Param.Query("config_id", "Default: account id.") with { DescribedOnce = true };

    private static Parameter WorkflowIdQuery { get; } = Param.Query("workflow_id", "Field in this workflow.");

    private static Parameter FieldIdPath { get; } = Param.Path("fieldId", "").From("get_config_fields");

    public static Operation GetOrCreateConfig { get; } = new()
    {
        Name = "get_or_create_config",
        Group = Group,
        Title = "Get or create a config",
        Description = "Reads the account's config (installation) of an app, installing it with defaults if missing.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.LinkedAccountHeader,
            DisableFieldOptions,
            Param.SlugBody(),
            Param.Body("config_id", "Default: account id; another keeps a second config."),
            Param.Body("fields", "[{id, value}] (get_config_fields).", ParameterType.ObjectArray),
            Param.Body("application_data_slots", "Older name of fields.", ParameterType.ObjectArray) with { Unlisted = true },
            Param.Body("workflows", "[{id, enabled, fields}].", ParameterType.ObjectArray),
            Param.Body("labels", "Older name of map_fields_object.", ParameterType.Object) with { Unlisted = true },
            Param.Body("map_fields_object", "Dynamic label mappings.", ParameterType.Object),
        ],
    };

    public static Operation UpdateConfig { get; } = new()
    {
        Name = "update_config",
        Group = Group,
        Title = "Update a config",
        Description = "Replaces an installed config's values, workflow switches and labels; one field: update_config_field.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/config",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.LinkedAccountHeader,
            DisableFieldOptions,
            Param.SlugBody(),
            Param.Body("config_id", "Default: account id.") with { DescribedOnce = true },
            Param.Body("fields", "[{id, value}] (get_config_fields).", ParameterType.ObjectArray),
            Param.Body("application_data_slots", "Older name of fields.", ParameterType.ObjectArray) with { Unlisted = true },
            Param.Body("workflows", "[{id, enabled, fields}].", ParameterType.ObjectArray),
            Param.Body("labels", "Older name of map_fields_object.", ParameterType.Object) with { Unlisted = true },
            Param.Body("map_fields_object", "Dynamic label mappings.", ParameterType.Object),
        ],
    };

    public static Operation GetConfigDefault { get; } = new()
    {
        Name = "get_config_default",
        Group = Group,
        Title = "Get the default config",
        Description = "Reads the account's default config of an app (config_id = account id); other ids: get_config.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/slug/{slug}/config",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.SlugPath,
            Param.LinkedAccountHeader,
            DisableFieldOptions,
            Param.Body("tenant_config", "", ParameterType.Boolean),
        ],
    };

    public static Operation DeleteConfigDefault { get; } = new()
    {
        Name = "delete_config_default",
        Group = Group,
        Title = "Delete the default config",
        Description = "Uninstalls the account's default config of an app; other config ids: delete_config.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/slug/{slug}/config",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.SlugPath,
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation GetConfig { get; } = new()
    {
        Name = "get_config",
        Group = Group,
        Title = "Get a config by id",
        Description = "Reads one config of an app by config id; the default one: get_config_default.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/slug/{slug}/config/{configId}",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.SlugPath,
            Param.Path("configId", "").From("list_config_ids"),
            Param.LinkedAccountHeader,
            DisableFieldOptions,
            Param.Body("tenant_config", "", ParameterType.Boolean),
        ],
    };

    public static Operation DeleteConfig { get; } = new()
    {
        Name = "delete_config",
        Group = Group,
        Title = "Delete a config by id",
        Description = "Uninstalls one config of an app by config id; the default one: delete_config_default.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/slug/{slug}/config/{configId}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.SlugPath,
            Param.Path("configId", "").From("list_config_ids"),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation ToggleConfigWorkflow { get; } = new()
    {
        Name = "toggle_config_workflow",
        Group = Group,
        Title = "Toggle a config workflow",
        Description = "Switches one workflow on or off in an installed config without resending the rest; 400 if the app is not connected.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/slug/{slug}/config/{configId}/workflows/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.SlugPath,
            Param.Path("configId", "").From("list_config_ids"),
            Param.Path("workflowId", "From get_config."),
            Param.LinkedAccountHeader,
            Param.Body("enabled", "", ParameterType.Boolean, required: true),
        ],
    };

    public static Operation ToggleConfigWorkflowPut { get; } = new()
    {
        Name = "toggle_config_workflow_put",
        Group = Group,
        Title = "Enable or disable a config workflow (PUT)",
        Description = "PUT form of toggle_config_workflow (same path and body), for when the PATCH form is refused.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/slug/{slug}/config/{configId}/workflows/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Inferred = true,
        Parameters =
        [
            Param.SlugPath,
            Param.Path("configId", "").From("list_config_ids"),
            Param.Path("workflowId", "From get_config."),
            Param.LinkedAccountHeader,
            Param.Body("enabled", "", ParameterType.Boolean, required: true),
        ],
    };

    public static Operation ListConfigIds { get; } = new()
    {
        Name = "list_config_ids",
        Group = Group,
        Title = "List an app's config ids",
        Description = "Lists the config ids the linked account installed for one app.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/slug/{slug}/configs",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.SlugPath,
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation GetConfigFields { get; } = new()
    {
        Name = "get_config_fields",
        Group = Group,
        Title = "List config fields",
        Description = "Lists an app's config fields and workflows, with values and options and each field id.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config/field",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.SlugHeader(),
        ],
    };

    public static Operation GetConfigFieldOptions { get; } = new()
    {
        Name = "get_config_field_options",
        Group = Group,
        Title = "Get config field options",
        Description = "Resolves one config field's datasource for fresh options[] (a dependent one: pass the parent selection as value).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config/field/{fieldId}",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            FieldIdPath,
            Param.LinkedAccountHeader,
            Param.SlugHeader(),
            DisableFieldOptions,
            ConfigIdQuery,
            WorkflowIdQuery,
            Param.Body("value", "Parent selection, for a dependent datasource.", ParameterType.Any),
        ],
    };

    public static Operation UpdateConfigField { get; } = new()
    {
        Name = "update_config_field",
        Group = Group,
        Title = "Set a config field value",
        Description = "Sets one field of an installed config, at config level or in one workflow; update_config replaces all.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/config/field/{fieldId}",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: false, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            FieldIdPath,
            Param.LinkedAccountHeader,
            Param.SlugHeader(),
            DisableFieldOptions,
            ConfigIdQuery,
            WorkflowIdQuery,
            Param.Body("value", "Array for multi-select, object for map fields.", ParameterType.Any),
        ],
    };

    public static Operation DeleteConfigFieldValue { get; } = new()
    {
        Name = "delete_config_field_value",
        Group = Group,
        Title = "Clear a config field value",
        Description = "Unsets one config field's stored value (in one workflow with workflow_id).",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/config/field/{fieldId}",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            FieldIdPath,
            Param.LinkedAccountHeader,
            Param.SlugHeader(),
            DisableFieldOptions,
            ConfigIdQuery,
            WorkflowIdQuery,
        ],
    };

    public static Operation GetRuleEngineOptions { get; } = new()
    {
        Name = "get_rule_engine_options",
        Group = Group,
        Title = "Get rule-engine options",
        Description = "Resolves the options of one column (rule_column) of a rule_engine config field; 400 for another field.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config/rule-engine/{fieldId}",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.Path("fieldId", "A rule_engine field's id (get_config_fields)."),
            Param.LinkedAccountHeader,
            Param.SlugHeader(),
            ConfigIdQuery,
            WorkflowIdQuery,
            Param.Body("rule_column", "As a field: {name, field_type}.", ParameterType.Object, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [GetOrCreateConfig, UpdateConfig, GetConfigDefault, DeleteConfigDefault, GetConfig, DeleteConfig, ToggleConfigWorkflow, ToggleConfigWorkflowPut, ListConfigIds, GetConfigFields, GetConfigFieldOptions, UpdateConfigField, DeleteConfigFieldValue, GetRuleEngineOptions];
}
