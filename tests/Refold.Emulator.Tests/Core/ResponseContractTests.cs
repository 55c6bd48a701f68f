using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Emulator.Groups;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests;

/// <summary>
/// For every implemented operation, a happy-path answer of the emulator validates against the success-response schema
/// of Refold's OpenAPI document (where it gives one). One row per operation: a group adds its rows to <see cref="Cases"/>.
/// </summary>
public sealed class ResponseContractTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    /// <summary>Which credential a case calls with.</summary>
    public enum As
    {
        /// <summary>The org API key bound to the Globex account.</summary>
        Org,

        /// <summary>A fresh session token of the Globex account.</summary>
        Session,
    }

    internal static readonly Dictionary<string, (As Caller, Func<JsonObject> Args)> s_cases = new()
    {
        // Linked accounts
        ["list_linked_accounts"] = (As.Org, () => []),
        ["create_linked_account"] = (As.Org, () => Js.O(("account_id", "acct_contract"), ("name", "Contract"), ("udf", Js.O(("k", "v"))))),
        ["upsert_linked_account"] = (As.Org, () => Js.O(("account_id", DemoOrg.GlobexAccount), ("name", "Globex"))),
        ["get_linked_account"] = (As.Org, () => Js.O(("linked_account_id", DemoOrg.GlobexAccount))),
        ["delete_linked_account"] = (As.Org, () => Js.O(("linked_account_id", DemoOrg.InitechAccount))),
        ["delete_linked_account_integration"] = (As.Org, () => Js.O(("slug", "slack"), ("linked_account_id", DemoOrg.GlobexAccount))),
        ["get_active_linked_account"] = (As.Session, () => []),

        // Applications
        ["list_applications"] = (As.Org, () => []),
        ["get_application"] = (As.Org, () => Js.O(("slug", "hubspot"))),
        ["list_application_actions"] = (As.Org, () => Js.O(("slug", "zendesk"))),
        ["get_application_action_schema"] = (As.Org, () => Js.O(("slug", "zendesk"), ("action_id", "create_ticket"))),
        ["execute_application_action"] = (As.Org, () => Js.O(("slug", "zendesk"), ("action_id", "list_tickets"), ("parameters", Js.O()))),

        // Auth structure & OAuth
        ["get_auth_structure"] = (As.Org, () => Js.O(("slug", "zendesk"))),
        ["get_oauth_url"] = (As.Org, () => Js.O(("slug", "salesforce"))),

        // Credentials
        ["save_key_credentials"] = (As.Org, () => Js.O(("slug", "stripe"), ("credentials", Js.O(("api_key", "sk_test_1"))))),
        ["upsert_default_app_credential"] = (As.Org, () => Js.O(("key", "api_key"), ("value", "v2"))),
        ["delete_default_app_credential"] = (As.Org, () => Js.O(("key", "api_key"))),
        ["migrate_token"] = (As.Org, () => Js.O(("slug", "github"), ("auth_object", Js.O(("oauth2", Js.O(("access_token", "a"), ("refresh_token", "r"))))))),

        // Session tokens
        ["generate_session_token"] = (As.Org, () => Js.O(("linked_account_id", DemoOrg.GlobexAccount))),
        ["revoke_session_token"] = (As.Session, () => []),

        // Hosted connect
        ["create_connect_url"] = (As.Session, () => Js.O(("linked_account_id", DemoOrg.GlobexAccount), ("properties", Js.O(("base_color", "#000000"))))),
        ["get_hosted_properties"] = (As.Session, () => []),

        // Webhooks
        ["list_webhooks"] = (As.Org, () => []),
        ["create_webhook"] = (As.Org, () => Js.O(("webhook_url", "https://hooks.example.com/c"), ("webhook_events", new JsonArray("Workflow Completed")), ("group", "g"))),
        ["edit_webhook_group"] = (As.Org, () => Js.O(("webhookIds", new JsonArray("000000000000000000000000")), ("group", "g"))),

        // Configs & config fields
        ["get_or_create_config"] = (As.Org, () => Js.O(("slug", "slack"), ("fields", new JsonArray(Js.O(("id", DemoConfigs.FieldIds.SlackMessagePrefix), ("value", ">")))))),
        ["update_config"] = (As.Session, () => Js.O(("slug", "zendesk"), ("fields", new JsonArray(Js.O(("id", DemoConfigs.FieldIds.ZendeskTicketGroup), ("value", "t2")))))),
        ["get_config_default"] = (As.Org, () => Js.O(("slug", "hubspot"))),
        ["delete_config_default"] = (As.Org, () => Js.O(("slug", "zendesk"))),
        ["get_config"] = (As.Org, () => Js.O(("slug", "hubspot"), ("configId", "staging"))),
        ["delete_config"] = (As.Org, () => Js.O(("slug", "hubspot"), ("configId", "staging"))),
        ["list_config_ids"] = (As.Session, () => Js.O(("slug", "hubspot"))),
        ["get_config_fields"] = (As.Session, () => Js.O(("slug", "zendesk"))),
        ["get_config_field_options"] = (As.Org, () => Js.O(("fieldId", DemoConfigs.FieldIds.HubSpotDealStage), ("slug", "hubspot"), ("value", "partners"))),
        ["update_config_field"] = (As.Org, () => Js.O(("fieldId", DemoConfigs.FieldIds.HubSpotFieldMapping), ("slug", "hubspot"), ("value", Js.O(("email", "email_address"))))),
        ["delete_config_field_value"] = (As.Session, () => Js.O(("fieldId", DemoConfigs.FieldIds.ZendeskTagPrefix), ("slug", "zendesk"))),
        ["get_rule_engine_options"] = (As.Org, () => Js.O(("fieldId", DemoConfigs.FieldIds.HubSpotRoutingRules), ("slug", "hubspot"), ("rule_column", Js.O(("name", "Lifecycle stage"))))),

        // MCP servers
        ["list_mcp_servers"] = (As.Org, () => []),
        ["create_mcp_server"] = (As.Session, () => Js.O(("name", "Contract"), ("description", "Contract test server"))),
        ["get_mcp_server"] = (As.Org, () => Js.O(("mcp_server_id", McpServersGroup.DemoServerId))),
        ["update_mcp_server"] = (As.Session, () => Js.O(("mcp_server_id", McpServersGroup.DemoServerId), ("associated_apps", new JsonArray(Js.O(("slug", "slack"), ("actions", new JsonArray(Js.O(("id", "send_message"))))))))),

        // Datastores (deprecated)
        ["list_config_datastores"] = (As.Org, () => Js.O(("slug", "hubspot"))),
        ["list_datastore_records"] = (As.Org, () => Js.O(("slug", "hubspot"), ("datastore_name", "synced_companies"))),
        ["search_datastore_records"] = (As.Org, () => Js.O(("slug", "hubspot"), ("datastore_name", "synced_companies"), ("filters", Js.O(("org_name", "globex"))))),

        // Datarefs
        ["list_datarefs"] = (As.Org, () => []),
        ["create_dataref"] = (As.Org, () => Js.O(("refName", "contract_ref"))),
        ["get_dataref"] = (As.Org, () => Js.O(("refName", "sku_map"))),
        ["delete_dataref"] = (As.Org, () => Js.O(("refName", "sku_map"))),
        ["clear_dataref_records"] = (As.Org, () => Js.O(("refName", "sku_map"))),

        // Persistent tables
        ["list_tables"] = (As.Org, () => []),
        ["create_table"] = (As.Org, () => Js.O(("table_name", "contract"), ("columns", new JsonArray(Js.O(("column_name", "a")))))),
        ["get_table_records"] = (As.Org, () => Js.O(("table_id", TablesGroup.DemoLeadsTableId))),
        ["add_table_records"] = (As.Org, () => Js.O(("table_id", TablesGroup.DemoLeadsTableId), ("data", Js.O(("email", "c@globex.example"))))),
        ["delete_table"] = (As.Org, () => Js.O(("table_id", TablesGroup.DemoLeadsTableId))),
        ["delete_table_record"] = (As.Org, () => Js.O(("table_id", TablesGroup.DemoLeadsTableId), ("record_id", "3f0c8a52-1a7e-4c33-9e1f-5b2d6c7a8e90"))),
        ["add_table_columns"] = (As.Org, () => Js.O(("table_id", TablesGroup.DemoLeadsTableId), ("columns", new JsonArray("region")))),
        ["remove_table_columns"] = (As.Org, () => Js.O(("table_id", TablesGroup.DemoLeadsTableId), ("columns", new JsonArray("owner")))),
        ["rename_table_columns"] = (As.Org, () => Js.O(("table_id", TablesGroup.DemoLeadsTableId), ("renames", new JsonArray(Js.O(("old_name", "stage"), ("new_name", "pipeline_stage")))))),
        ["search_table_records"] = (As.Org, () => Js.O(("table_id", TablesGroup.DemoLeadsTableId), ("filters", Js.O(("stage", "new"))))),

        // Environment variables (seeded ids: see the emulator README)
        ["list_variable_definitions"] = (As.Org, () => []),
        ["get_variable_definition"] = (As.Org, () => Js.O(("id", "66a1f00dbeefcafe00000e01"))),
        ["get_variable_value"] = (As.Session, () => Js.O(("definition_id", "66a1f00dbeefcafe00000e02"))),
        ["set_variable_value"] = (As.Org, () => Js.O(("variable_definition_id", "66a1f00dbeefcafe00000e01"), ("value", "https://erp.contract.example"))),
        ["list_variable_values"] = (As.Session, () => Js.O(("scope", "linked_account"))),
        ["delete_variable_value"] = (As.Org, () => Js.O(("value_id", "66a1f00dbeefcafe00000e11"))),

        // Workflows, executions, human tasks, events, schedules
        ["list_workflows"] = (As.Org, () => Js.O(("scope", "private"))),
        ["create_workflow"] = (As.Org, () => Js.O(("name", "Contract"), ("slug", "slack"))),
        ["get_workflow"] = (As.Org, () => Js.O(("workflowId", DemoWorkflows.LeadRouter))),
        ["update_workflow"] = (As.Org, () => Js.O(("workflowId", DemoWorkflows.LeadRouter), ("description", "d"), ("settings", Js.O(("timeout", 30))))),
        ["delete_workflow"] = (As.Session, () => Js.O(("workflowId", DemoWorkflows.LeadRouter))),
        ["get_workflow_draft"] = (As.Org, () => Js.O(("workflowId", DemoWorkflows.LeadRouter))),
        ["publish_workflow"] = (As.Session, () => Js.O(("workflowId", DemoWorkflows.LeadRouterDraft), ("published", true))),
        ["execute_workflow"] = (As.Org, () => Js.O(("workflowId", DemoWorkflows.ContactSync), ("slug", "hubspot"))),
        ["list_enabled_workflows"] = (As.Org, () => []),
        ["get_workflow_request_structure"] = (As.Org, () => Js.O(("workflowId", DemoWorkflows.TicketEscalation))),
        ["list_workflow_versions"] = (As.Org, () => Js.O(("workflowId", DemoWorkflows.ContactSync))),
        ["list_executions"] = (As.Session, () => []),
        ["get_execution"] = (As.Org, () => Js.O(("execution_id", DemoWorkflows.CompletedExecution))),
        ["list_execution_node_batches"] = (As.Org, () => Js.O(("execution_id", DemoWorkflows.CompletedExecution), ("node_id", "3"))),
        ["stop_execution"] = (As.Org, () => Js.O(("instanceId", DemoWorkflows.RunningExecution))),
        ["rerun_execution"] = (As.Org, () => Js.O(("instanceId", DemoWorkflows.ErroredExecution))),
        ["list_workflow_execution_node_batches"] = (As.Org, () => Js.O(("workflowId", DemoWorkflows.ContactSync), ("linkedAccountId", DemoOrg.GlobexAccount))),
        ["get_human_task"] = (As.Org, () => Js.O(("id", DemoWorkflows.WaitingTask))),
        ["submit_human_task"] = (As.Org, () => Js.O(("id", DemoWorkflows.WaitingTask), ("data", Js.O(("approve", true))))),
        ["list_events"] = (As.Org, () => []),
        ["create_event"] = (As.Org, () => Js.O(("name", "order_shipped"), ("response", "{\"order_id\":\"o_1\"}"), ("json_schema", Js.O(("type", "object"))))),
        ["get_event"] = (As.Org, () => Js.O(("event_id", DemoWorkflows.InvoicePaidEventId))),
        ["update_event"] = (As.Org, () => Js.O(("event_id", DemoWorkflows.InvoicePaidEventId), ("name", "invoice_settled"), ("response", "{}"))),
        ["delete_event"] = (As.Org, () => Js.O(("event_id", DemoWorkflows.InvoicePaidEventId))),
        ["trigger_event"] = (As.Session, () => Js.O(("event", DemoWorkflows.InvoicePaidEvent), ("payload", Js.O(("invoice_id", "in_1"))))),
        ["trigger_event_by_slug"] = (As.Org, () => Js.O(("slug", "slack"), ("trigger", DemoWorkflows.InvoicePaidEvent))),
        ["list_schedules"] = (As.Org, () => []),
        ["register_schedule"] = (As.Org, () => Js.O(("slug", "hubspot"), ("workflow_id_alias", DemoWorkflows.ContactSync), ("config_id", DemoOrg.GlobexAccount), ("trigger_type", "cron"), ("regex", "0 6 * * 1-5"), ("tz", "UTC"))),
        ["update_schedule"] = (As.Org, () => Js.O(("schedule_id", DemoWorkflows.NightlySchedule), ("regex", "30 2 * * *"))),
        ["delete_schedule"] = (As.Org, () => Js.O(("schedule_id", DemoWorkflows.NightlySchedule))),
        ["pause_schedule"] = (As.Org, () => Js.O(("schedule_id", DemoWorkflows.NightlySchedule))),
        ["resume_schedule"] = (As.Org, () => Js.O(("schedule_id", DemoWorkflows.NightlySchedule))),
    };

    /// <summary>The happy-path case of an operation (its caller and arguments), or null when it has none.</summary>
    internal static (As Caller, JsonObject Args)? Case(string name) => s_cases.TryGetValue(name, out var c) ? (c.Caller, c.Args()) : null;

    /// <summary>The cases whose operation has a documented response schema.</summary>
    public static TheoryData<string> Cases() => [.. s_cases.Keys.Where(n => OpenApiSchemas.ResponseOf(RefoldCatalog.Find(n)!) is not null)];

    [Fact]
    public void Cases_NameCatalogOperations_AndMostHaveASchema()
    {
        Assert.All(s_cases.Keys, n => Assert.NotNull(RefoldCatalog.Find(n)));
        Assert.True(Cases().Count >= 20, $"only {Cases().Count} cases have a schema");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HappyPathResponse_ValidatesAgainstOpenApiSchema(string name)
    {
        var operation = RefoldCatalog.Find(name)!;
        var schema = OpenApiSchemas.ResponseOf(operation);
        await using var f = await emulator.FreshOrgAsync();
        var (caller, args) = s_cases[name];
        RefoldClient client = caller == As.Org ? f.Org(DemoOrg.GlobexAccount) : f.Session(await f.TokenForAsync(DemoOrg.GlobexAccount));
        var response = await client.SendAsync(operation, args());

        var errors = OpenApiSchemas.Errors(schema!, response);
        Assert.True(errors.Count == 0, $"{name} answered {response?.ToJsonString()}\nwhich breaks openapi.yaml:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public async Task WebhookById_HappyPaths_ValidateAgainstOpenApiSchema()
    {
        await using var f = await emulator.FreshOrgAsync();
        var id = (await f.Org().SendAsync("create_webhook", Js.O(("webhook_url", "https://hooks.example.com/x"), ("webhook_events", new JsonArray("Connection Created"))))).S("_id");
        foreach (var (name, args) in new[]
        {
            ("get_webhook", Js.O(("id", id))),
            ("update_webhook", Js.O(("id", id), ("is_enabled", false))),
            ("delete_webhook", Js.O(("id", id))),
        })
        {
            var operation = RefoldCatalog.Find(name)!;
            var response = await f.Org().SendAsync(operation, args);
            var errors = OpenApiSchemas.Errors(OpenApiSchemas.ResponseOf(operation)!, response);
            Assert.True(errors.Count == 0, $"{name}: {string.Join("\n", errors)}");
        }
    }

    [Fact]
    public async Task ToggleConfigWorkflow_HappyPath_ValidatesAgainstOpenApiSchema()
    {
        await using var f = await emulator.FreshOrgAsync();
        var workflow = f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection(Refold.Emulator.State.Collections.Workflows)
            .Insert(Js.O(("name", "Sync contacts"), ("slug", "hubspot"), ("published", true)));
        var operation = RefoldCatalog.Find("toggle_config_workflow")!;
        var args = Js.O(("slug", "hubspot"), ("configId", DemoOrg.GlobexAccount), ("workflowId", workflow.S("_id")), ("enabled", true));
        var response = await f.Org(DemoOrg.GlobexAccount).SendAsync(operation, args);
        var errors = OpenApiSchemas.Errors(OpenApiSchemas.ResponseOf(operation)!, response);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains(response.A("workflows"), w => w.S("id") == workflow.S("_id"));
    }

    [Fact]
    public void Schemas_RejectAWrongShape_SoTheContractTestCanFail()
    {
        var schema = OpenApiSchemas.ResponseOf(RefoldCatalog.Find("list_linked_accounts")!)!;
        Assert.NotEmpty(OpenApiSchemas.Errors(schema, Js.O(("docs", "not an array"), ("totalDocs", "many"))));
        Assert.Empty(OpenApiSchemas.Errors(schema, Js.O(("docs", new JsonArray()), ("nextPage", null))));
    }
}
