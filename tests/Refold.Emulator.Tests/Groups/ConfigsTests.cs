using System.Text.Json.Nodes;
using Refold.Emulator.Groups;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;
using Ids = Refold.Emulator.Seed.DemoConfigs.FieldIds;

namespace Refold.Emulator.Tests.Groups;

public sealed class ConfigsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;
    private const string Initech = DemoOrg.InitechAccount;

    private static JsonNode Field(JsonNode? config, string id) =>
        config.A("fields").FirstOrDefault(f => f.S("id") == id) ?? throw new Xunit.Sdk.XunitException($"no field {id} in {config?.ToJsonString()}");

    private static List<string?> OptionValues(JsonNode field) => [.. field.A("options").Select(o => Text(o?["value"]))];

    private static string? Text(JsonNode? value) => Refold.Emulator.State.Doc.Text(value);

    // The entry a config shows for one workflow (the seeded org has other HubSpot workflows too).
    private static JsonNode WorkflowEntry(JsonNode? config, string workflowId) =>
        config.A("workflows").FirstOrDefault(w => w.S("id") == workflowId) ?? throw new Xunit.Sdk.XunitException($"no workflow {workflowId} in {config?.ToJsonString()}");

    // A published HubSpot workflow with one settings field, inserted straight into the workflows collection.
    private static string InsertWorkflow(EmulatorFixture f, string slug = "hubspot", bool? autoEnable = null)
    {
        var workflow = new JsonObject
        {
            ["name"] = "Sync contacts",
            ["description"] = "Mirror contacts nightly",
            ["slug"] = slug,
            ["published"] = true,
            ["data_slots"] = new JsonArray(new JsonObject { ["id"] = "wf_batch_size", ["name"] = "Batch size", ["field_type"] = "number", ["defaultValue"] = 100 }),
        };
        if (autoEnable is not null)
        {
            workflow["autoEnable"] = autoEnable;
        }

        return f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection(Refold.Emulator.State.Collections.Workflows).Insert(workflow).S("_id")!;
    }

    [Fact]
    public async Task GetConfigDefault_SeededHubSpot_ShowsStoredValuesOfEveryFieldTypeAndResolvedOptions()
    {
        await using var f = await emulator.FreshOrgAsync();
        var config = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot")));

        Assert.Equal("hubspot", config.S("slug"));
        Assert.Equal(Globex, config.S("config_id"));
        Assert.Empty(config.A("field_errors"));
        Assert.Equal(["text", "number", "select", "select", "select", "map", "rule_engine"], config.A("fields").Select(x => x.S("field_type")));
        Assert.Equal("sales-ops@globex.example.com", Field(config, Ids.HubSpotOwnerEmail).S("value"));
        Assert.Equal(15, Field(config, Ids.HubSpotSyncInterval)["value"]!.GetValue<int>());
        Assert.Equal(["subscriber", "lead", "opportunity", "customer"], OptionValues(Field(config, Ids.HubSpotLifecycleStage)));
        Assert.Equal("appointmentscheduled", OptionValues(Field(config, Ids.HubSpotDealStage))[0]);
        Assert.Equal("given_name", Field(config, Ids.HubSpotFieldMapping)["value"].S("firstname"));
        Assert.Equal(2, Field(config, Ids.HubSpotRoutingRules)["value"].A("rules").Count);
    }

    [Fact]
    public async Task GetOrCreateConfig_NewApp_InstallsOnceWithTheAccountIdAsConfigId()
    {
        await using var f = await emulator.FreshOrgAsync();
        var created = await f.Org(Globex).SendAsync("get_or_create_config", Js.O(("slug", "slack")));
        Assert.Equal(Globex, created.S("config_id"));
        Assert.Null(Field(created, Ids.SlackAlertChannel)["value"]);
        Assert.Equal(["C01GENERAL", "C02ALERTS"], OptionValues(Field(created, Ids.SlackAlertChannel)));

        await f.Org(Globex).SendAsync("get_or_create_config", Js.O(("slug", "slack"), ("fields", new JsonArray(Js.O(("id", Ids.SlackMessagePrefix), ("value", "ignored"))))));
        var ids = (await f.Org(Globex).SendAsync("list_config_ids", Js.O(("slug", "slack"))))!.AsArray();
        Assert.Equal(Globex, Assert.Single(ids).S("config_id"));
        Assert.Matches("^[0-9a-f]{24}$", ids[0].S("_id"));
        var again = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "slack")));
        Assert.Null(Field(again, Ids.SlackMessagePrefix)["value"]);
    }

    [Fact]
    public async Task GetOrCreateConfig_CustomConfigId_CreatesAnExtraConfigWithItsOwnValues()
    {
        await using var f = await emulator.FreshOrgAsync();
        var fields = new JsonArray(Js.O(("id", Ids.HubSpotSyncInterval), ("value", 240)));
        var eu = await f.Org(Globex).SendAsync("get_or_create_config", Js.O(("slug", "hubspot"), ("config_id", "eu"), ("fields", fields)));
        Assert.Equal("eu", eu.S("config_id"));
        Assert.Equal(240, Field(eu, Ids.HubSpotSyncInterval)["value"]!.GetValue<int>());

        var ids = (await f.Org(Globex).SendAsync("list_config_ids", Js.O(("slug", "hubspot"))))!.AsArray();
        Assert.Equal([Globex, "staging", "eu"], ids.Select(i => i.S("config_id")));
        var main = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot")));
        Assert.Equal(15, Field(main, Ids.HubSpotSyncInterval)["value"]!.GetValue<int>());
        var read = await f.Org(Globex).SendAsync("get_config", Js.O(("slug", "hubspot"), ("configId", "eu")));
        Assert.Equal(240, Field(read, Ids.HubSpotSyncInterval)["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetOrCreateConfig_BadFieldEntries_AreReportedInFieldErrorsAndNotStored()
    {
        await using var f = await emulator.FreshOrgAsync();
        var fields = new JsonArray(
            Js.O(("id", Ids.SlackMessagePrefix), ("value", ">>")),
            Js.O(("id", Ids.SlackAlertChannel), ("value", Js.O(("not", "a select value")))),
            Js.O(("id", "66a1f00dbeefcafe00000999"), ("value", "x")));
        var created = await f.Org(Globex).SendAsync("get_or_create_config", Js.O(("slug", "slack"), ("fields", fields)));

        var errors = created.A("field_errors");
        Assert.Equal(2, errors.Count);
        Assert.Equal("Value of field Alert channel (select) must be one option value", errors[0].S("message"));
        Assert.Equal("Field with id 66a1f00dbeefcafe00000999 not found", errors[1].S("message"));
        Assert.Equal(">>", Field(created, Ids.SlackMessagePrefix).S("value"));
        Assert.Null(Field(created, Ids.SlackAlertChannel)["value"]);
    }

    [Fact]
    public async Task GetOrCreateConfig_UnknownApp_Is404InvalidAppIdInTheErrorCodeEnvelope()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/config", apiKey: f.ApiKey,
            body: Js.O(("slug", "nosuchapp")), headers: new Dictionary<string, string> { ["linked_account_id"] = Globex });
        Assert.Equal(404, status);
        Assert.Equal(["status_code", "http_error_type", "error_code", "message"], body!.AsObject().Select(p => p.Key));
        Assert.Equal("NOT_FOUND", body.S("http_error_type"));
        Assert.Equal("INVALID_APP_ID", body.S("error_code"));
        Assert.Equal($"Application with app_type 'nosuchapp' not found for org {f.OrgId}", body.S("message"));
    }

    [Fact]
    public async Task GetOrCreateConfig_SessionToken_Is401BecauseItIsOrgOnly()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Globex);
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/config", bearer: token, body: Js.O(("slug", "slack")));
        Assert.Equal(401, status);
        Assert.Equal("Invalid Credentials", body.S("message"));
        Assert.Equal(401, (await f.RawAsync(HttpMethod.Get, "api/v2/public/slug/hubspot/configs")).Status);
    }

    [Fact]
    public async Task GetConfigDefault_LinkedAccountMissingOrUnknown_Is400Or404()
    {
        await using var f = await emulator.FreshOrgAsync();
        var missing = await EmulatorFixture.FailsAsync(f.Org().SendAsync("get_config_default", Js.O(("slug", "hubspot"))));
        Assert.Equal(400, missing.StatusCode);
        Assert.Equal("MISSING_REQUIRED_FIELD", missing.ErrorCode);
        var unknown = await EmulatorFixture.FailsAsync(f.Org("acct_ghost").SendAsync("get_config_default", Js.O(("slug", "hubspot"))));
        Assert.Equal(404, unknown.StatusCode);
    }

    [Fact]
    public async Task UpdateConfigField_Value_PersistsAndComesBackWithGetConfigAndGetConfigFields()
    {
        await using var f = await emulator.FreshOrgAsync();
        var field = await f.Org(Globex).SendAsync("update_config_field", Js.O(("fieldId", Ids.HubSpotSyncInterval), ("slug", "hubspot"), ("value", 45)));
        Assert.Equal(45, field!["value"]!.GetValue<int>());
        Assert.Equal("number", field.S("field_type"));

        var config = await f.Org(Globex).SendAsync("get_config", Js.O(("slug", "hubspot"), ("configId", Globex)));
        Assert.Equal(45, Field(config, Ids.HubSpotSyncInterval)["value"]!.GetValue<int>());
        var fields = await f.Org(Globex).SendAsync("get_config_fields", Js.O(("slug", "hubspot")));
        Assert.Equal(45, Field(fields, Ids.HubSpotSyncInterval)["value"]!.GetValue<int>());

        // A custom config is addressed with config_id and keeps its own value.
        await f.Org(Globex).SendAsync("update_config_field", Js.O(("fieldId", Ids.HubSpotSyncInterval), ("slug", "hubspot"), ("config_id", "staging"), ("value", 1)));
        var staging = await f.Org(Globex).SendAsync("get_config", Js.O(("slug", "hubspot"), ("configId", "staging")));
        Assert.Equal(1, Field(staging, Ids.HubSpotSyncInterval)["value"]!.GetValue<int>());
        Assert.Equal(45, Field(await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot"))), Ids.HubSpotSyncInterval)["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateConfigField_BadInputs_Are400Or404WithRefoldsMessages()
    {
        await using var f = await emulator.FreshOrgAsync();
        var wrongType = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("update_config_field", Js.O(("fieldId", Ids.HubSpotSyncInterval), ("slug", "hubspot"), ("value", "soon"))));
        Assert.Equal(400, wrongType.StatusCode);
        Assert.Equal("Value of field Sync interval (minutes) (number) must be a number", wrongType.Message);

        var unknownField = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("update_config_field", Js.O(("fieldId", "66a1f00dbeefcafe00000999"), ("slug", "hubspot"), ("value", "x"))));
        Assert.Equal(400, unknownField.StatusCode);
        Assert.Equal("Field with id 66a1f00dbeefcafe00000999 not found", unknownField.Message);

        var notInstalled = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("update_config_field", Js.O(("fieldId", Ids.SlackMessagePrefix), ("slug", "slack"), ("value", "x"))));
        Assert.Equal(404, notInstalled.StatusCode);
        Assert.Equal("SERVER_ERROR", notInstalled.ErrorCode);
        Assert.Equal($"Config with config id {Globex} not found", notInstalled.Message);

        var (status, body, _) = await f.RawAsync(HttpMethod.Put, $"api/v2/public/config/field/{Ids.HubSpotSyncInterval}", apiKey: f.ApiKey, body: Js.O(),
            headers: new Dictionary<string, string> { ["linked_account_id"] = Globex, ["slug"] = "hubspot" });
        Assert.Equal(400, status);
        Assert.Equal("value is required", body.S("message"));
        Assert.Equal("SERVER_ERROR", body.S("error_code"));
    }

    [Fact]
    public async Task DeleteConfigFieldValue_SetValue_IsUnsetAndShowsItsDefault()
    {
        await using var f = await emulator.FreshOrgAsync();
        var cleared = await f.Org(Globex).SendAsync("delete_config_field_value", Js.O(("fieldId", Ids.ZendeskTagPrefix), ("slug", "zendesk")));
        Assert.Null(cleared!["value"]);
        Assert.Equal("refold", cleared.S("defaultValue"));

        var config = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "zendesk")));
        Assert.Null(Field(config, Ids.ZendeskTagPrefix)["value"]);
        Assert.Equal("t1", Field(config, Ids.ZendeskTicketGroup).S("value"));
    }

    [Fact]
    public async Task UpdateConfig_Fields_ReplacesValuesWholesaleAndStoresLabels()
    {
        await using var f = await emulator.FreshOrgAsync();
        var body = Js.O(("slug", "hubspot"), ("fields", new JsonArray(Js.O(("id", Ids.HubSpotOwnerEmail), ("value", "new-owner@globex.example.com")))), ("labels", Js.O(("region", "emea"))));
        var updated = await f.Org(Globex).SendAsync("update_config", body);

        Assert.Equal("new-owner@globex.example.com", Field(updated, Ids.HubSpotOwnerEmail).S("value"));
        Assert.Null(Field(updated, Ids.HubSpotSyncInterval)["value"]);
        Assert.Equal("emea", updated!["map_fields_object"].S("region"));
        var read = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot")));
        Assert.Equal("emea", read!["map_fields_object"].S("region"));
        Assert.Null(Field(read, Ids.HubSpotRoutingRules)["value"]);
    }

    [Fact]
    public async Task UpdateConfig_SessionToken_ReachesOnlyItsOwnAccountsConfigs()
    {
        await using var f = await emulator.FreshOrgAsync();
        var initech = f.Session(await f.TokenForAsync(Initech));
        var body = Js.O(("slug", "hubspot"), ("config_id", Globex), ("fields", new JsonArray()));
        var error = await EmulatorFixture.FailsAsync(initech.SendAsync("update_config", body));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal($"Config with config id {Globex} not found", error.Message);
        Assert.Empty((await initech.SendAsync("list_config_ids", Js.O(("slug", "hubspot"))))!.AsArray());

        // The org key naming Globex in a header is ignored under a token: the token's account decides.
        var fields = await initech.SendAsync("get_config_fields", Js.O(("slug", "hubspot"), ("linked_account_id", Globex)));
        Assert.Equal(Initech, fields.S("config_id"));
        Assert.All(fields.A("fields"), x => Assert.Null(x!["value"]));

        var globex = f.Session(await f.TokenForAsync(Globex));
        var own = await globex.SendAsync("update_config", Js.O(("slug", "zendesk"), ("fields", new JsonArray(Js.O(("id", Ids.ZendeskTicketGroup), ("value", "t2"))))));
        Assert.Equal("t2", Field(own, Ids.ZendeskTicketGroup).S("value"));
        Assert.Equal([Globex], (await globex.SendAsync("list_config_ids", Js.O(("slug", "zendesk"))))!.AsArray().Select(c => c.S("config_id")));
    }

    [Fact]
    public async Task DeleteConfig_CustomThenDefault_RemovesEachAndThen404s()
    {
        await using var f = await emulator.FreshOrgAsync();
        var deleted = await f.Org(Globex).SendAsync("delete_config", Js.O(("slug", "hubspot"), ("configId", "staging")));
        Assert.Equal("Installation Deleted Success", deleted.S("message"));
        Assert.Equal([Globex], (await f.Org(Globex).SendAsync("list_config_ids", Js.O(("slug", "hubspot"))))!.AsArray().Select(c => c.S("config_id")));

        await f.Org(Globex).SendAsync("delete_config_default", Js.O(("slug", "hubspot")));
        var gone = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot"))));
        Assert.Equal(404, gone.StatusCode);
        Assert.Equal($"Config with config id {Globex} not found", gone.Message);
        var again = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("delete_config", Js.O(("slug", "hubspot"), ("configId", "staging"))));
        Assert.Equal(404, again.StatusCode);
    }

    [Fact]
    public async Task GetConfigFieldOptions_DependentField_UsesTheSentValueElseTheStoredParent()
    {
        await using var f = await emulator.FreshOrgAsync();
        var stored = await f.Org(Globex).SendAsync("get_config_field_options", Js.O(("fieldId", Ids.HubSpotDealStage), ("slug", "hubspot")));
        Assert.Contains("closedwon", OptionValues(stored!));
        Assert.Equal("qualifiedtobuy", stored.S("value"));

        var sent = await f.Org(Globex).SendAsync("get_config_field_options", Js.O(("fieldId", Ids.HubSpotDealStage), ("slug", "hubspot"), ("value", "partners")));
        Assert.Equal(["partner_sourced", "co_selling", "partner_won"], OptionValues(sent!));

        var staging = await f.Org(Globex).SendAsync("get_config_field_options", Js.O(("fieldId", Ids.HubSpotDealStage), ("slug", "hubspot"), ("config_id", "staging")));
        Assert.Equal("partner_sourced", OptionValues(staging!)[0]);
    }

    [Fact]
    public async Task GetConfigFieldOptions_ActionBackedDatasource_ListsTheAccountsRecordsInTheApp()
    {
        await using var f = await emulator.FreshOrgAsync();
        var before = await f.Org(Globex).SendAsync("get_config_field_options", Js.O(("fieldId", Ids.ZendeskWatchedTickets), ("slug", "zendesk")));
        Assert.Equal(["4711", "4712", "4713"], OptionValues(before!));
        Assert.Equal("Printer on fire", before.A("options")[0].S("name"));

        await f.Org(Globex).SendAsync("execute_application_action", Js.O(("slug", "zendesk"), ("action_id", "create_ticket"), ("parameters", Js.O(("subject", "VPN down")))));
        var after = await f.Org(Globex).SendAsync("get_config_field_options", Js.O(("fieldId", Ids.ZendeskWatchedTickets), ("slug", "zendesk")));
        Assert.Contains("VPN down", after.A("options").Select(o => o.S("name")));
    }

    [Fact]
    public async Task GetConfigFieldOptions_UnknownField_Is400FieldNotFound()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("get_config_field_options", Js.O(("fieldId", Ids.ZendeskTagPrefix), ("slug", "hubspot"))));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal($"Field with id {Ids.ZendeskTagPrefix} not found", error.Message);
    }

    [Fact]
    public async Task GetConfigFields_AppNotConnected_ReportsTheDatasourceInFieldErrors()
    {
        await using var f = await emulator.FreshOrgAsync();
        var fields = await f.Org(Initech).SendAsync("get_config_fields", Js.O(("slug", "slack")));
        var error = Assert.Single(fields.A("field_errors"));
        Assert.Equal(Ids.SlackAlertChannel, error.S("field_id"));
        Assert.Contains("not connected", error.S("message"));
        Assert.Empty(Field(fields, Ids.SlackAlertChannel).A("options"));
    }

    [Fact]
    public async Task DisableFieldOptions_True_LeavesDatasourceFieldsWithoutOptions()
    {
        await using var f = await emulator.FreshOrgAsync();
        var config = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot"), ("disable_field_options", "true")));
        Assert.Empty(Field(config, Ids.HubSpotLifecycleStage).A("options"));
        Assert.Equal("lead", Field(config, Ids.HubSpotLifecycleStage).S("value"));
        Assert.Equal(4, Field(config, Ids.HubSpotFieldMapping).A("options").Count);

        var zendesk = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "zendesk"), ("disable_field_options", "true")));
        Assert.Equal(3, Field(zendesk, Ids.ZendeskTicketGroup).A("options").Count);
        Assert.Empty(Field(zendesk, Ids.ZendeskWatchedTickets).A("options"));
    }

    [Fact]
    public async Task GetRuleEngineOptions_Column_ResolvesItsDatasourceOrInlineOptions()
    {
        await using var f = await emulator.FreshOrgAsync();
        var contacts = await f.Org(Globex).SendAsync("get_rule_engine_options", Js.O(("fieldId", Ids.HubSpotRoutingRules), ("slug", "hubspot"), ("rule_column", Js.O(("name", "Contact"), ("field_type", "select")))));
        Assert.Equal("jane.doe@example.com", contacts.A("options")[0].S("name"));
        Assert.Equal("1001", contacts.A("options")[0].S("value"));

        var priority = await f.Org(Globex).SendAsync("get_rule_engine_options", Js.O(("fieldId", Ids.ZendeskEscalationRules), ("slug", "zendesk"), ("rule_column", Js.O(("name", "priority")))));
        Assert.Equal(["low", "normal", "high", "urgent"], OptionValues(priority!));
    }

    [Fact]
    public async Task GetRuleEngineOptions_NotARuleEngineOrUnknownColumn_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var notRule = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("get_rule_engine_options", Js.O(("fieldId", Ids.HubSpotPipeline), ("slug", "hubspot"), ("rule_column", Js.O(("name", "Stage"))))));
        Assert.Equal(400, notRule.StatusCode);
        Assert.Equal($"Field with id {Ids.HubSpotPipeline} is not of type rule engine or has undefined columns", notRule.Message);
        var column = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("get_rule_engine_options", Js.O(("fieldId", Ids.HubSpotRoutingRules), ("slug", "hubspot"), ("rule_column", Js.O(("name", "Colour"))))));
        Assert.Equal("Rule column Colour not found in field Lead routing rules", column.Message);
    }

    [Fact]
    public async Task GetConfigDefault_SeededWorkflows_ListsEachWorkflowOnceNotItsVersionsOrDrafts()
    {
        await using var f = await emulator.FreshOrgAsync();

        var config = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot")));

        var names = config.A("workflows").Select(w => w.S("name")).ToList();
        Assert.Contains("Nightly contact sync", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [InlineData("toggle_config_workflow")]
    [InlineData("toggle_config_workflow_put")]
    public async Task ToggleConfigWorkflow_KnownWorkflow_SwitchesItAndTheConfigShowsIt(string operation)
    {
        await using var f = await emulator.FreshOrgAsync();
        var workflowId = InsertWorkflow(f);
        var before = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot")));
        var listed = WorkflowEntry(before, workflowId);
        Assert.Equal("Sync contacts", listed.S("name"));
        Assert.False(listed!["enabled"]!.GetValue<bool>());
        Assert.Equal(100, listed.A("fields")[0]!["defaultValue"]!.GetValue<int>());

        var args = Js.O(("slug", "hubspot"), ("configId", Globex), ("workflowId", workflowId), ("enabled", true));
        var toggled = await f.Org(Globex).SendAsync(operation, args);
        var entry = WorkflowEntry(toggled, workflowId);
        Assert.Equal(workflowId, entry.S("id"));
        Assert.True(entry!["enabled"]!.GetValue<bool>());
        Assert.Single(entry.A("data_slots"));

        var after = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot")));
        Assert.True(WorkflowEntry(after, workflowId)!["enabled"]!.GetValue<bool>());
        var staging = await f.Org(Globex).SendAsync("get_config", Js.O(("slug", "hubspot"), ("configId", "staging")));
        Assert.False(WorkflowEntry(staging, workflowId)!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ToggleConfigWorkflow_UnknownWorkflowOrAppNotConnectedOrNoConfig_IsRefused()
    {
        await using var f = await emulator.FreshOrgAsync();
        var workflowId = InsertWorkflow(f);
        var unknown = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("toggle_config_workflow",
            Js.O(("slug", "hubspot"), ("configId", Globex), ("workflowId", "66a1f00dbeefcafe00000999"), ("enabled", true))));
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal("INVALID_WORKFLOW_ID", unknown.ErrorCode);

        // Initech installs HubSpot without connecting it: switching a workflow on is refused.
        await f.Org(Initech).SendAsync("get_or_create_config", Js.O(("slug", "hubspot")));
        var notConnected = await EmulatorFixture.FailsAsync(f.Org(Initech).SendAsync("toggle_config_workflow",
            Js.O(("slug", "hubspot"), ("configId", Initech), ("workflowId", workflowId), ("enabled", true))));
        Assert.Equal(400, notConnected.StatusCode);
        Assert.Contains("not connected", notConnected.Message);

        var noConfig = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("toggle_config_workflow",
            Js.O(("slug", "hubspot"), ("configId", "nope"), ("workflowId", workflowId), ("enabled", true))));
        Assert.Equal(404, noConfig.StatusCode);
        Assert.Equal("Config with config id nope not found", noConfig.Message);
    }

    [Fact]
    public async Task ToggleConfigWorkflow_SessionTokenOfAnotherAccount_CannotReachTheConfig()
    {
        await using var f = await emulator.FreshOrgAsync();
        var workflowId = InsertWorkflow(f);
        var initech = f.Session(await f.TokenForAsync(Initech));
        var error = await EmulatorFixture.FailsAsync(initech.SendAsync("toggle_config_workflow",
            Js.O(("slug", "hubspot"), ("configId", Globex), ("workflowId", workflowId), ("enabled", true))));
        Assert.Equal(404, error.StatusCode);

        var globex = f.Session(await f.TokenForAsync(Globex));
        var toggled = await globex.SendAsync("toggle_config_workflow", Js.O(("slug", "hubspot"), ("configId", Globex), ("workflowId", workflowId), ("enabled", true)));
        Assert.True(WorkflowEntry(toggled, workflowId)!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UpdateConfigField_InsideAWorkflow_KeepsAValuePerWorkflow()
    {
        await using var f = await emulator.FreshOrgAsync();
        var workflowId = InsertWorkflow(f, autoEnable: true);
        var field = await f.Org(Globex).SendAsync("update_config_field", Js.O(("fieldId", "wf_batch_size"), ("slug", "hubspot"), ("workflow_id", workflowId), ("value", 25)));
        Assert.Equal(25, field!["value"]!.GetValue<int>());

        var config = await f.Org(Globex).SendAsync("get_config_default", Js.O(("slug", "hubspot")));
        var workflow = WorkflowEntry(config, workflowId);
        Assert.True(workflow!["enabled"]!.GetValue<bool>());
        Assert.Equal(25, workflow.A("fields")[0]!["value"]!.GetValue<int>());
        Assert.Null(config.A("fields").FirstOrDefault(x => x.S("id") == "wf_batch_size"));

        var wholesale = await f.Org(Globex).SendAsync("update_config", Js.O(("slug", "hubspot"),
            ("workflows", new JsonArray(Js.O(("id", workflowId), ("enabled", false), ("data_slots", new JsonArray(Js.O(("id", "wf_batch_size"), ("value", 50)))))))));
        Assert.False(WorkflowEntry(wholesale, workflowId)!["enabled"]!.GetValue<bool>());
        Assert.Equal(50, WorkflowEntry(wholesale, workflowId).A("fields")[0]!["value"]!.GetValue<int>());
    }
}
