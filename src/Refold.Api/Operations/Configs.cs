using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Configs & Config Fields: TODO one line.</summary>
public static class Configs
{
    public static OperationGroup Group { get; } = new("configs", "Configs & Config Fields", "TODO");

    public static Operation GetOrCreateConfig { get; } = new()
    {
        Name = "get_or_create_config",
        Group = Group,
        Title = "TODO",
        Description = "Return the app installation (config) for a linked account, creating it from the app's field/workflow skeleton if it does not exist yet. Only slug is needed.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Header("disable_field_options", "'true' to skip resolving datasource options for fields."),
            Param.Body("slug", "Application slug.", ParameterType.String, required: true),
            Param.Body("config_id", "Config id; defaults to the linked account id. Use custom ids (e.g. 'staging') for several configs per account+app."),
            Param.Body("fields", "Field values. Accepted synonym: application_data_slots. Node SDK sends a {field_id: value} map.", ParameterType.ObjectOrObjectArray),
            Param.Body("application_data_slots", "Synonym of fields.", ParameterType.ObjectArray),
            Param.Body("workflows", "[{id, enabled, fields|data_slots}] per-workflow enablement and field values.", ParameterType.ObjectArray),
            Param.Body("labels", "Dynamic label mappings (migrated to map_fields_object).", ParameterType.Object),
            Param.Body("map_fields_object", "Newer name for label mappings.", ParameterType.Object),
        ],
    };

    public static Operation UpdateConfig { get; } = new()
    {
        Name = "update_config",
        Group = Group,
        Title = "TODO",
        Description = "Overwrite an installed config's fields, workflow toggles and labels (config chosen by config_id, default = linked account id).",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/config",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Header("disable_field_options", "'true' to skip resolving datasource options for fields."),
            Param.Body("slug", "Application slug.", ParameterType.String, required: true),
            Param.Body("config_id", "Config id; defaults to the linked account id. Use custom ids (e.g. 'staging') for several configs per account+app."),
            Param.Body("fields", "Field values. Accepted synonym: application_data_slots. Node SDK sends a {field_id: value} map.", ParameterType.ObjectOrObjectArray),
            Param.Body("application_data_slots", "Synonym of fields.", ParameterType.ObjectArray),
            Param.Body("workflows", "[{id, enabled, fields|data_slots}] per-workflow enablement and field values.", ParameterType.ObjectArray),
            Param.Body("labels", "Dynamic label mappings (migrated to map_fields_object).", ParameterType.Object),
            Param.Body("map_fields_object", "Newer name for label mappings.", ParameterType.Object),
        ],
    };

    public static Operation GetConfigDefault { get; } = new()
    {
        Name = "get_config_default",
        Group = Group,
        Title = "TODO",
        Description = "Read the installed config for an app whose config id equals the linked account id.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/slug/{slug}/config",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.RequiredLinkedAccountHeader,
            Param.Header("disable_field_options", "'true' to skip resolving datasource options for fields."),
            Param.Body("tenant_config", "Optional body flag even on GET (only key read).", ParameterType.Boolean),
        ],
    };

    public static Operation DeleteConfigDefault { get; } = new()
    {
        Name = "delete_config_default",
        Group = Group,
        Title = "TODO",
        Description = "Uninstall the app config whose id equals the linked account id.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/slug/{slug}/config",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation GetConfig { get; } = new()
    {
        Name = "get_config",
        Group = Group,
        Title = "TODO",
        Description = "Read one named config installation of an app for a linked account.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/slug/{slug}/config/{configId}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.Path("configId", "Config id."),
            Param.RequiredLinkedAccountHeader,
            Param.Header("disable_field_options", "'true' to skip resolving datasource options for fields."),
            Param.Body("tenant_config", "Optional body flag.", ParameterType.Boolean),
        ],
    };

    public static Operation DeleteConfig { get; } = new()
    {
        Name = "delete_config",
        Group = Group,
        Title = "TODO",
        Description = "Uninstall one named config.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/slug/{slug}/config/{configId}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.Path("configId", "Config id."),
            Param.RequiredLinkedAccountHeader,
        ],
    };

    public static Operation ToggleConfigWorkflow { get; } = new()
    {
        Name = "toggle_config_workflow",
        Group = Group,
        Title = "TODO",
        Description = "Switch one workflow on or off inside a config without resending the whole config.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/slug/{slug}/config/{configId}/workflows/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.Path("configId", "Config id (often the linked account id)."),
            Param.Path("workflowId", "Workflow id."),
            Param.LinkedAccountHeader,
            Param.Body("enabled", "Desired state.", ParameterType.Boolean, required: true),
        ],
    };

    public static Operation ToggleConfigWorkflowPut { get; } = new()
    {
        Name = "toggle_config_workflow_put",
        Group = Group,
        Title = "TODO",
        Description = "Same toggle announced in the March 2026 changelog with PUT; the reference spec documents PATCH. Treat as a probable alias.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/slug/{slug}/config/{configId}/workflows/{workflowId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Inferred = true,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.Path("configId", "Config id."),
            Param.Path("workflowId", "Workflow id."),
            Param.LinkedAccountHeader,
            Param.Body("enabled", "Desired state.", ParameterType.Boolean, required: true),
        ],
    };

    public static Operation ListConfigIds { get; } = new()
    {
        Name = "list_config_ids",
        Group = Group,
        Title = "TODO",
        Description = "List the config installations (ids) a linked account has for one app. Not paginated.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/slug/{slug}/configs",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("slug", "Application slug."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation GetConfigFields { get; } = new()
    {
        Name = "get_config_fields",
        Group = Group,
        Title = "TODO",
        Description = "Return all configurable fields and workflows for the app named in the slug header (POST because datasources may take input).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config/field",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Header("slug", "Application slug, sent as a header (not in the URL), e.g. hubspot.", required: true),
            Param.WholeBody("payload", "Usually {}; passed to datasources."),
        ],
    };

    public static Operation GetConfigFieldOptions { get; } = new()
    {
        Name = "get_config_field_options",
        Group = Group,
        Title = "TODO",
        Description = "Resolve one field (and its options) through its datasource; an optional value can feed dependent datasources.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config/field/{fieldId}",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.Path("fieldId", "Field id."),
            Param.LinkedAccountHeader,
            Param.Header("slug", "Application slug, sent as a header (not in the URL), e.g. hubspot.", required: true),
            Param.Header("disable_field_options", "'true' to skip resolving datasource options for fields."),
            Param.Query("config_id", "Config id; defaults to linked account id."),
            Param.Query("workflow_id", "Scope the field to a workflow's settings."),
            Param.Body("value", "Input for dependent/callable datasources.", ParameterType.Any),
        ],
    };

    public static Operation UpdateConfigField { get; } = new()
    {
        Name = "update_config_field",
        Group = Group,
        Title = "TODO",
        Description = "Set the value of one config field (optionally inside one workflow). Config must already be installed.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/config/field/{fieldId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Path("fieldId", "Field id."),
            Param.LinkedAccountHeader,
            Param.Header("slug", "Application slug, sent as a header (not in the URL), e.g. hubspot.", required: true),
            Param.Header("disable_field_options", "'true' to skip resolving datasource options for fields."),
            Param.Query("config_id", "Config id; defaults to linked account id."),
            Param.Query("workflow_id", "Scope the field to a workflow's settings."),
            Param.Body("value", "New value (string, number, array for multi-select, object for maps).", ParameterType.Any, required: true),
        ],
    };

    public static Operation DeleteConfigFieldValue { get; } = new()
    {
        Name = "delete_config_field_value",
        Group = Group,
        Title = "TODO",
        Description = "Clear the value of one config field (back to unset/default).",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/config/field/{fieldId}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.Path("fieldId", "Field id."),
            Param.LinkedAccountHeader,
            Param.Header("slug", "Application slug, sent as a header (not in the URL), e.g. hubspot.", required: true),
            Param.Header("disable_field_options", "'true' to skip resolving datasource options for fields."),
            Param.Query("config_id", "Config id; defaults to linked account id."),
            Param.Query("workflow_id", "Scope the field to a workflow's settings."),
        ],
    };

    public static Operation GetRuleEngineOptions { get; } = new()
    {
        Name = "get_rule_engine_options",
        Group = Group,
        Title = "TODO",
        Description = "Resolve the selectable options for a column of a rule-engine field.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/config/rule-engine/{fieldId}",
        Auth = AuthLevel.Either,
        Hints = new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
        Parameters =
        [
            Param.Path("fieldId", "Rule-engine field id."),
            Param.LinkedAccountHeader,
            Param.Header("slug", "Application slug, sent as a header (not in the URL), e.g. hubspot.", required: true),
            Param.Query("config_id", "Config id; defaults to linked account id."),
            Param.Query("workflow_id", "Scope the field to a workflow's settings."),
            Param.Body("rule_column", "Field-shaped description of the column, e.g. {name, field_type}.", ParameterType.Object, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [GetOrCreateConfig, UpdateConfig, GetConfigDefault, DeleteConfigDefault, GetConfig, DeleteConfig, ToggleConfigWorkflow, ToggleConfigWorkflowPut, ListConfigIds, GetConfigFields, GetConfigFieldOptions, UpdateConfigField, DeleteConfigFieldValue, GetRuleEngineOptions];
}
