using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests;

/// <summary>
/// For every implemented operation, a happy-path answer of the emulator validates against the success-response schema
/// of Refold's OpenAPI document (where it gives one). One row per operation: a group adds its rows to <see cref="Cases"/>.
/// </summary>
public sealed class ResponseContractTests
{
    /// <summary>Which credential a case calls with.</summary>
    public enum As
    {
        /// <summary>The org API key bound to the Globex account.</summary>
        Org,

        /// <summary>A fresh session token of the Globex account.</summary>
        Session,
    }

    private static readonly Dictionary<string, (As Caller, Func<JsonObject> Args)> s_cases = new()
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
        await using var f = await EmulatorFixture.StartAsync();
        var (caller, args) = s_cases[name];
        RefoldClient client = caller == As.Org ? f.Org(DemoOrg.GlobexAccount) : f.Session(await f.TokenForAsync(DemoOrg.GlobexAccount));
        var response = await client.SendAsync(operation, args());

        var errors = OpenApiSchemas.Errors(schema!, response);
        Assert.True(errors.Count == 0, $"{name} answered {response?.ToJsonString()}\nwhich breaks openapi.yaml:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public async Task WebhookById_HappyPaths_ValidateAgainstOpenApiSchema()
    {
        await using var f = await EmulatorFixture.StartAsync();
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
    public void Schemas_RejectAWrongShape_SoTheContractTestCanFail()
    {
        var schema = OpenApiSchemas.ResponseOf(RefoldCatalog.Find("list_linked_accounts")!)!;
        Assert.NotEmpty(OpenApiSchemas.Errors(schema, Js.O(("docs", "not an array"), ("totalDocs", "many"))));
        Assert.Empty(OpenApiSchemas.Errors(schema, Js.O(("docs", new JsonArray()), ("nextPage", null))));
    }
}
