using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Configs &amp; Config Fields: install an app for a linked account and read, change, toggle or remove its configs and single field values.</summary>
public static class Configs
{
    public static OperationGroup Group { get; } = new("configs", "Configs & Config Fields", "Install an application for a linked account and read, change, toggle or remove its configs, including single config field values and their datasource-driven options.");

    private static Parameter DisableFieldOptions { get; } = Param.Header(
        "disable_field_options",
        "Send 'true' to return fields without resolving their datasource options (faster); default 'false'.") with { Enum = ["true", "false"] };

    private static Parameter SlugPath { get; } = Param.Path("slug", "Application slug, e.g. 'zendesk' (from list_applications).");

    private static Parameter ConfigIdQuery { get; } = Param.Query("config_id", "Config to use; defaults to the linked account id (see list_config_ids), e.g. 'staging'.");

    private static Parameter WorkflowIdQuery { get; } = Param.Query("workflow_id", "Workflow id, to target the field inside that workflow's settings instead of the config-level field.");

    private static Parameter FieldIdPath { get; } = Param.Path("fieldId", "Config field id, from fields[].id of get_config_fields.");

    public static Operation GetOrCreateConfig { get; } = new()
    {
        Name = "get_or_create_config",
        Group = Group,
        Title = "Get or create a config",
        Description = "Returns the linked account's config (installation) of an app, first installing it with the app's default fields and workflows if it does not exist yet. Use it to install an app after connecting it; to change an existing config use update_config or update_config_field. Returns {slug, config_id, fields[], workflows[], field_errors[]}. Pass slug from list_applications.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: false, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.LinkedAccountHeader,
            DisableFieldOptions,
            Param.Body("slug", "Application slug, e.g. 'zendesk' (from list_applications).", ParameterType.String, required: true),
            Param.Body("config_id", "Config id; defaults to the linked account id. Use a custom id such as 'staging' to keep several configs of one app."),
            Param.Body("fields", "Field values as objects, e.g. [{\"id\": \"<fieldId>\", \"value\": \"t1\"}]; ids come from get_config_fields.", ParameterType.ObjectArray),
            Param.Body("application_data_slots", "Older name for fields; send one or the other.", ParameterType.ObjectArray),
            Param.Body("workflows", "Per-workflow settings, e.g. [{\"id\": \"<workflowId>\", \"enabled\": true, \"fields\": []}]; data_slots is accepted in place of fields.", ParameterType.ObjectArray),
            Param.Body("labels", "Dynamic label mappings object (older name of map_fields_object).", ParameterType.Object),
            Param.Body("map_fields_object", "Dynamic label mappings object; the current name for labels.", ParameterType.Object),
        ],
    };

    public static Operation UpdateConfig { get; } = new()
    {
        Name = "update_config",
        Group = Group,
        Title = "Update a config",
        Description = "Replaces an installed config's field values, workflow enablement and label mappings wholesale with what you send. For a single field use update_config_field, for one workflow switch toggle_config_workflow. The config is chosen by config_id (default: the linked account id). Returns the config {slug, config_id, fields[], workflows[], field_errors[]}; 404 if it is not installed.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/config",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.LinkedAccountHeader,
            DisableFieldOptions,
            Param.Body("slug", "Application slug, e.g. 'zendesk' (from list_applications).", ParameterType.String, required: true),
            Param.Body("config_id", "Config to overwrite; defaults to the linked account id, e.g. 'staging' (see list_config_ids)."),
            Param.Body("fields", "Field values as objects, e.g. [{\"id\": \"<fieldId>\", \"value\": \"t1\"}]; ids come from get_config_fields.", ParameterType.ObjectArray),
            Param.Body("application_data_slots", "Older name for fields; send one or the other.", ParameterType.ObjectArray),
            Param.Body("workflows", "Per-workflow settings, e.g. [{\"id\": \"<workflowId>\", \"enabled\": true, \"fields\": []}]; data_slots is accepted in place of fields.", ParameterType.ObjectArray),
            Param.Body("labels", "Dynamic label mappings object (older name of map_fields_object).", ParameterType.Object),
            Param.Body("map_fields_object", "Dynamic label mappings object; the current name for labels.", ParameterType.Object),
        ],
    };

    public static Operation GetConfigDefault { get; } = new()
    {
        Name = "get_config_default",
        Group = Group,
        Title = "Get the default config",
        Description = "Reads the linked account's default config of an app, the one whose config_id equals the linked account id. Use get_config for a custom config id and list_config_ids to see which exist. Returns {slug, config_id, fields[] with values and options, workflows[] with enabled flags, field_errors[]}. Pass slug from list_applications.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/slug/{slug}/config",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            SlugPath,
            Param.LinkedAccountHeader,
            DisableFieldOptions,
            Param.Body("tenant_config", "Optional tenant_config flag, sent in the JSON body even though this is a GET.", ParameterType.Boolean),
        ],
    };

    public static Operation DeleteConfigDefault { get; } = new()
    {
        Name = "delete_config_default",
        Group = Group,
        Title = "Delete the default config",
        Description = "Uninstalls the linked account's default config of an app (the one whose config_id equals the linked account id), dropping its field values and workflow settings. For a custom config id use delete_config. Returns {message}. Pass slug from list_applications.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/slug/{slug}/config",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            SlugPath,
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation GetConfig { get; } = new()
    {
        Name = "get_config",
        Group = Group,
        Title = "Get a config by id",
        Description = "Reads one config of an app for the linked account by its config id (e.g. 'staging'); for the default config use get_config_default. Returns {slug, config_id, fields[] with values and options, workflows[] with enabled flags, field_errors[]}. Get slug from list_applications and configId from list_config_ids.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/slug/{slug}/config/{configId}",
        Auth = AuthLevel.Org,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            SlugPath,
            Param.Path("configId", "Config id from list_config_ids, e.g. 'staging'."),
            Param.LinkedAccountHeader,
            DisableFieldOptions,
            Param.Body("tenant_config", "Optional tenant_config flag, sent in the JSON body even though this is a GET.", ParameterType.Boolean),
        ],
    };

    public static Operation DeleteConfig { get; } = new()
    {
        Name = "delete_config",
        Group = Group,
        Title = "Delete a config by id",
        Description = "Uninstalls one config of an app for the linked account, chosen by config id; use delete_config_default for the default one. Returns {message}. Get slug from list_applications and configId from list_config_ids.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/slug/{slug}/config/{configId}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            SlugPath,
            Param.Path("configId", "Config id from list_config_ids, e.g. 'staging'."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation ToggleConfigWorkflow { get; } = new()
    {
        Name = "toggle_config_workflow",
        Group = Group,
        Title = "Enable or disable a config workflow",
        Description = "Switches one workflow on or off inside an installed config without resending the rest of it (prefer this over update_config for a single switch). Answers 400 if the app is not connected for the account. Returns {workflows[]} with each workflow's id and enabled state. Get configId from list_config_ids and workflowId from workflows[] of get_config.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/slug/{slug}/config/{configId}/workflows/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            SlugPath,
            Param.Path("configId", "Config id from list_config_ids; usually the linked account id."),
            Param.Path("workflowId", "Workflow id from workflows[] of get_config."),
            Param.LinkedAccountHeader,
            Param.Body("enabled", "true to enable the workflow, false to disable it.", ParameterType.Boolean, required: true),
        ],
    };

    public static Operation ToggleConfigWorkflowPut { get; } = new()
    {
        Name = "toggle_config_workflow_put",
        Group = Group,
        Title = "Enable or disable a config workflow (PUT)",
        Description = "PUT form of toggle_config_workflow with the same path and body {enabled}. Prefer toggle_config_workflow; use this only if the PATCH form is refused. Returns {workflows[]} with each workflow's id and enabled state. Get configId from list_config_ids and workflowId from workflows[] of get_config.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/slug/{slug}/config/{configId}/workflows/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Inferred = true,
        Parameters =
        [
            SlugPath,
            Param.Path("configId", "Config id from list_config_ids; usually the linked account id."),
            Param.Path("workflowId", "Workflow id from workflows[] of get_config."),
            Param.LinkedAccountHeader,
            Param.Body("enabled", "true to enable the workflow, false to disable it.", ParameterType.Boolean, required: true),
        ],
    };

    public static Operation ListConfigIds { get; } = new()
    {
        Name = "list_config_ids",
        Group = Group,
        Title = "List config ids for an app",
        Description = "Lists the configs the linked account has installed for one app, as a plain array of {config_id, tenant_config?} (not paginated). Use it to find the configId for get_config, delete_config or toggle_config_workflow. Pass slug from list_applications.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/slug/{slug}/configs",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            SlugPath,
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation GetConfigFields { get; } = new()
    {
        Name = "get_config_fields",
        Group = Group,
        Title = "List config fields",
        Description = "Returns every configurable field and workflow of an app for the linked account, with current values and datasource-resolved options: {slug, config_id, fields[], workflows[], field_errors[]}. Use it to discover field ids for update_config_field or get_config_field_options. The app is named by the slug header (from list_applications).",
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
        Title = "Resolve a config field's options",
        Description = "Resolves one config field through its datasource and returns it with fresh options[] (plus id, name, field_type, value). Use it to fill a dropdown, or a dependent one by passing the parent selection as value. Get fieldId from get_config_fields; add workflow_id for a field inside a workflow. 400 if the field id is unknown.",
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
            Param.Body("value", "Optional input for dependent or callable datasources, e.g. the selected parent value.", ParameterType.Any),
        ],
    };

    public static Operation UpdateConfigField { get; } = new()
    {
        Name = "update_config_field",
        Group = Group,
        Title = "Set a config field value",
        Description = "Sets the value of one field in an installed config, at config level or inside one workflow (workflow_id). Use it instead of update_config to change a single setting; the config must exist already (see get_or_create_config). Returns the updated field {id, name, field_type, value, options}. Get fieldId from get_config_fields.",
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
            Param.Body("value", "Value to store: a string or number, an array for multi-select, an object for map fields.", ParameterType.Any),
        ],
    };

    public static Operation DeleteConfigFieldValue { get; } = new()
    {
        Name = "delete_config_field_value",
        Group = Group,
        Title = "Clear a config field value",
        Description = "Removes the stored value of one config field (or of the field inside one workflow when workflow_id is given) so it is unset again. Use update_config_field to set a new value instead. Returns the field {id, name, field_type, options, defaultValue}. Get fieldId from get_config_fields.",
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
        Title = "Resolve rule-engine column options",
        Description = "Resolves the selectable options for one column of a rule-engine config field; describe the column in rule_column. The response shape varies, typically {options: [{name, value}]}. Get fieldId (a field whose field_type is rule_engine) from get_config_fields; 400 if the field is not a rule engine.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config/rule-engine/{fieldId}",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.Path("fieldId", "Id of a rule_engine field, from fields[].id of get_config_fields."),
            Param.LinkedAccountHeader,
            Param.SlugHeader(),
            ConfigIdQuery,
            WorkflowIdQuery,
            Param.Body("rule_column", "The column, described like a field, e.g. {\"name\": \"Status\", \"field_type\": \"select\"}.", ParameterType.Object, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [GetOrCreateConfig, UpdateConfig, GetConfigDefault, DeleteConfigDefault, GetConfig, DeleteConfig, ToggleConfigWorkflow, ToggleConfigWorkflowPut, ListConfigIds, GetConfigFields, GetConfigFieldOptions, UpdateConfigField, DeleteConfigFieldValue, GetRuleEngineOptions];
}
