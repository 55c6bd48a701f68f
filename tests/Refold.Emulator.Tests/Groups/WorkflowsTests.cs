using System.Text.Json.Nodes;
using Refold.Api.Errors;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class WorkflowsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;
    private const string Initech = DemoOrg.InitechAccount;

    // A private workflow whose nodes take no time: start → list Slack channels → response with status 201.
    private static JsonObject QuickWorkflow(string name = "Channel census") => Js.O(
        ("name", name),
        ("slug", "slack"),
        ("fields", Js.O(("nodes", new JsonArray(
            Js.O(("id", "1"), ("type", "start"), ("name", "Start"), ("data", Js.O(("trigger", "API Call")))),
            Js.O(("id", "2"), ("type", "action"), ("name", "List channels"), ("data", Js.O(("slug", "slack"), ("action_id", "list_channels")))),
            Js.O(("id", "3"), ("type", "response"), ("name", "Response"), ("data", Js.O(
                ("body", Js.O(("channels", "{{node.2.total}}"), ("asked_by", "{{payload.who}}"))),
                ("status_code", 201)))))),
        ("edges", new JsonArray(Js.O(("source", "1"), ("target", "2")), Js.O(("source", "2"), ("target", "3")))))));

    [Fact]
    public async Task ListWorkflows_OrgLevel_ListsThePublishedDemoWorkflowsWithAMergedSchema()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (_, page, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/workflow", apiKey: f.ApiKey);

        var names = page.A("docs").Select(w => w.S("name")!).ToList();
        Assert.Equal(["Nightly contact sync", "Escalate urgent ticket", "Refund approval", "Announce paid invoice"], names);
        Assert.All(page.A("docs"), w => Assert.True(w!["published"]!.GetValue<bool>()));
        Assert.DoesNotContain(page.A("docs"), w => w!["_kind"] is not null);
        Assert.Equal("string", page!["schema"]!["properties"]!["ticket_id"].S("type"));
        Assert.Equal(4, page["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListWorkflows_Filters_BySlugNameAndPublishedAndPages()
    {
        await using var f = await emulator.FreshOrgAsync();
        var slack = (await f.Org(Globex).SendAsync("list_workflows", Js.O(("slug", "slack")))).A("docs");
        Assert.Equal(["Refund approval", "Announce paid invoice"], slack.Select(w => w.S("name")!).ToArray());
        var byName = (await f.Org(Globex).SendAsync("list_workflows", Js.O(("name", "^esc")))).A("docs");
        Assert.Equal("Escalate urgent ticket", Assert.Single(byName).S("name"));
        Assert.Empty((await f.Org(Globex).SendAsync("list_workflows", Js.O(("published", "false")))).A("docs"));

        var second = await f.Org(Globex).SendAsync("list_workflows", Js.O(("limit", 3), ("page", 2)));
        Assert.Single(second.A("docs"));
        Assert.False(second!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(2, second["totalPages"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListWorkflows_PrivateScope_ShowsOnlyTheAccountsOwnWorkflows()
    {
        await using var f = await emulator.FreshOrgAsync();
        var globex = (await f.Org(Globex).SendAsync("list_workflows", Js.O(("scope", "private")))).A("docs");
        Assert.Equal(DemoWorkflows.LeadRouter, Assert.Single(globex).S("_id"));
        Assert.Empty((await f.Org(Initech).SendAsync("list_workflows", Js.O(("scope", "private")))).A("docs"));

        var token = await f.TokenForAsync(Initech);
        Assert.Empty((await f.Session(token).SendAsync("list_workflows", Js.O(("scope", "private")))).A("docs"));
    }

    [Fact]
    public async Task CreateWorkflow_ReturnsADraft_WhosePublishGivesTheDifferentPublishedId()
    {
        await using var f = await emulator.FreshOrgAsync();
        var draft = (await f.Org(Initech).SendAsync("create_workflow", Js.O(("name", "Deal digest"), ("slug", "salesforce"))))!["workflow"]!;
        var draftId = draft.S("_id");
        var parentId = draft.S("associated_workflow");
        Assert.NotEqual(draftId, parentId);
        Assert.False(draft["published"]!.GetValue<bool>());
        Assert.Equal("start", Assert.Single(draft.A("nodes")).S("type"));
        Assert.Equal(Initech, draft.S("linked_account_id"));

        var listed = Assert.Single((await f.Org(Initech).SendAsync("list_workflows", Js.O(("scope", "private")))).A("docs"));
        Assert.Equal(parentId, listed.S("_id"));
        Assert.False(listed!["published"]!.GetValue<bool>());

        var token = await f.TokenForAsync(Initech);
        var published = await f.Session(token).SendAsync("publish_workflow", Js.O(("workflowId", draftId), ("published", true)));
        Assert.Equal(parentId, published.S("_id"));
        Assert.True(published!["published"]!.GetValue<bool>());
        Assert.Equal(1, published["current_version"]!.GetValue<int>());

        var versions = (await f.Session(token).SendAsync("list_workflow_versions", Js.O(("workflowId", parentId)))).A("docs");
        Assert.Equal(1, Assert.Single(versions)!["version"]!.GetValue<int>());
        Assert.Equal(parentId, versions[0].S("associated_workflow"));

        // The draft was consumed by the publish; asking for one clones the published workflow into a new draft.
        var next = await f.Session(token).SendAsync("get_workflow_draft", Js.O(("workflowId", parentId)));
        Assert.NotEqual(draftId, next.S("_id"));
        Assert.Equal(parentId, next.S("associated_workflow"));
        var again = await f.Session(token).SendAsync("get_workflow_draft", Js.O(("workflowId", parentId)));
        Assert.Equal(next.S("_id"), again.S("_id"));
    }

    [Fact]
    public async Task CreateWorkflow_BadInput_AnswersRefoldsErrors()
    {
        await using var f = await emulator.FreshOrgAsync();
        var noName = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("create_workflow", Js.O(("slug", "slack"))));
        Assert.Equal((400, "MISSING_REQUIRED_FIELD"), (noName.StatusCode, noName.ErrorCode));

        var (status, body, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/workflow", apiKey: f.ApiKey,
            body: Js.O(("name", "x"), ("slug", "nope")), headers: new Dictionary<string, string> { ["linked_account_id"] = Globex });
        Assert.Equal(500, status);
        Assert.Equal("Application with slug nope not found", body.S("message"));
        Assert.Equal("SERVER_ERROR", body.S("error_code"));
        Assert.Null(body!["error"]);

        var badNode = QuickWorkflow().Also(w => w["fields"]!["nodes"]!.AsArray().Add(Js.O(("id", "9"), ("type", "teleport"))));
        var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("create_workflow", badNode));
        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("node 9: type must be one of start, action", error.Message);
    }

    [Fact]
    public async Task GetWorkflow_PrivateOfAnotherAccount_Is403_OwnIsReadWithoutTheOwner()
    {
        await using var f = await emulator.FreshOrgAsync();
        var denied = await EmulatorFixture.FailsAsync(f.Org(Initech).SendAsync("get_workflow", Js.O(("workflowId", DemoWorkflows.LeadRouter))));
        Assert.Equal((403, "SERVER_ERROR", "Workflow is private to another linked account"), (denied.StatusCode, denied.ErrorCode, denied.Message));

        var own = await f.Org(Globex).SendAsync("get_workflow", Js.O(("workflowId", DemoWorkflows.LeadRouter)));
        Assert.Equal("Lead router", own.S("name"));
        Assert.Null(own!["linked_account_id"]);
        Assert.Equal(3, own.A("nodes").Count);

        var missing = await EmulatorFixture.FailsAsync(f.Org().SendAsync("get_workflow", Js.O(("workflowId", "66a1f00dbeefcafe00000999"))));
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task GetWorkflow_SessionToken_Is401()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Globex);
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, $"api/v2/public/workflow/{DemoWorkflows.ContactSync}", bearer: token);
        Assert.Equal(401, status);
        Assert.Equal("Invalid Credentials", body.S("message"));
    }

    [Theory]
    [InlineData("PUT", "publish")]
    [InlineData("DELETE", "")]
    public async Task AccountOnlyOperations_OrgKey_Are401TokenMissing(string method, string suffix)
    {
        await using var f = await emulator.FreshOrgAsync();
        var path = $"api/v2/public/workflow/{DemoWorkflows.LeadRouter}" + (suffix.Length > 0 ? "/" + suffix : "");
        var (status, body, _) = await f.RawAsync(new HttpMethod(method), path, apiKey: f.ApiKey, body: Js.O(("published", false)),
            headers: new Dictionary<string, string> { ["linked_account_id"] = Globex });
        Assert.Equal((401, "Authorization Token Missing"), (status, body.S("message")));
        Assert.True((await f.Org(Globex).SendAsync("get_workflow", Js.O(("workflowId", DemoWorkflows.LeadRouter))))!["published"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UpdateWorkflow_ChangesOwnWorkflow_AndTheAliasExecutes()
    {
        await using var f = await emulator.FreshOrgAsync();
        var updated = await f.Org(Globex).SendAsync("update_workflow", Js.O(
            ("workflowId", DemoWorkflows.LeadRouter), ("name", "Lead router v2"), ("workflow_alias", "route-leads"), ("settings", Js.O(("timeout", 60)))));
        Assert.Equal("Lead router v2", updated.S("name"));
        Assert.Equal("route-leads", updated.S("workflow_alias"));
        Assert.Equal(60, updated!["settings"]!["timeout"]!.GetValue<int>());
        Assert.Equal("Lead router v2", (await f.Org(Globex).SendAsync("get_workflow_draft", Js.O(("workflowId", DemoWorkflows.LeadRouter)))).S("name"));

        var started = await f.ExecuteAsync("route-leads", "hubspot", Js.O(("email", "raj.patel@example.com")));
        Assert.NotNull(started.S("execution_id"));

        var orgLevel = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("update_workflow", Js.O(("workflowId", DemoWorkflows.ContactSync), ("name", "x"))));
        Assert.Equal(403, orgLevel.StatusCode);
        var foreign = await EmulatorFixture.FailsAsync(f.Org(Initech).SendAsync("update_workflow", Js.O(("workflowId", DemoWorkflows.LeadRouter), ("name", "x"))));
        Assert.Equal(404, foreign.StatusCode);
    }

    [Fact]
    public async Task DeleteWorkflow_RemovesDraftsVersionsAndSchedules_AVersionIdIs400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Globex);
        var versionId = (await f.Session(token).SendAsync("list_workflow_versions", Js.O(("workflowId", DemoWorkflows.LeadRouter)))).A("docs")[0].S("_id");
        var refused = await EmulatorFixture.FailsAsync(f.Session(token).SendAsync("delete_workflow", Js.O(("workflowId", versionId))));
        Assert.Equal((400, "Workflow is a version workflow."), (refused.StatusCode, refused.Message));

        var deleted = await f.Session(token).SendAsync("delete_workflow", Js.O(("workflowId", DemoWorkflows.LeadRouter)));
        Assert.True(deleted!["successfullyDeletedTriggers"]!.GetValue<bool>());
        Assert.True(deleted["triggers_deregistered"]!.GetValue<bool>());
        Assert.Empty((await f.Org(Globex).SendAsync("list_workflows", Js.O(("scope", "private")))).A("docs"));
        var gone = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("get_workflow_draft", Js.O(("workflowId", DemoWorkflows.LeadRouterDraft))));
        Assert.Equal(404, gone.StatusCode);

        var apiKey = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("delete_workflow", Js.O(("workflowId", DemoWorkflows.ContactSync))));
        Assert.Equal(RefoldErrorKind.NotPermitted, apiKey.Kind);
    }

    [Fact]
    public async Task PublishWorkflow_SeededDraft_BecomesVersion2OfTheSameId()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Globex);
        var published = await f.Session(token).SendAsync("publish_workflow", Js.O(("workflowId", DemoWorkflows.LeadRouterDraft), ("published", true)));
        Assert.Equal(DemoWorkflows.LeadRouter, published.S("_id"));
        Assert.Equal(2, published!["current_version"]!.GetValue<int>());
        Assert.Equal(4, published.A("nodes").Count);
        var versions = (await f.Session(token).SendAsync("list_workflow_versions", Js.O(("workflowId", DemoWorkflows.LeadRouter)))).A("docs");
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()).ToArray());

        var duplicate = await EmulatorFixture.FailsAsync(f.Session(token).SendAsync("publish_workflow", Js.O(("workflowId", DemoWorkflows.LeadRouter), ("published", true), ("version", 2))));
        Assert.Equal((400, "INVALID_WORKFLOW_ID"), (duplicate.StatusCode, duplicate.ErrorCode));
    }

    [Fact]
    public async Task PublishWorkflow_UnpublishWithDraftId_Is400_WithPublishedIdTakesItOffline()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Globex);
        var (status, body, _) = await f.RawAsync(HttpMethod.Put, $"api/v2/public/workflow/{DemoWorkflows.LeadRouterDraft}/publish", bearer: token, body: Js.O(("published", false)));
        Assert.Equal(400, status);
        Assert.Equal("""{"status_code":400,"http_error_type":"BAD_REQUEST","error_code":"INVALID_WORKFLOW_ID","message":"Only public and published workflows can be unpublished"}""", body!.ToJsonString());

        var offline = await f.Session(token).SendAsync("publish_workflow", Js.O(("workflowId", DemoWorkflows.LeadRouter), ("published", false)));
        Assert.False(offline!["published"]!.GetValue<bool>());
        var refused = await EmulatorFixture.FailsAsync(f.ExecuteAsync(DemoWorkflows.LeadRouter, "hubspot"));
        Assert.Equal((400, "INVALID_WORKFLOW_ID"), (refused.StatusCode, refused.ErrorCode));

        var foreign = await EmulatorFixture.FailsAsync(f.Session(token).SendAsync("publish_workflow", Js.O(("workflowId", DemoWorkflows.ContactSync), ("published", false))));
        Assert.Equal((404, "No workflow found with the provided ID."), (foreign.StatusCode, foreign.Message));
    }

    [Fact]
    public async Task GetWorkflowRequestStructure_DescribesPayloadAndSchema_OrNulls()
    {
        await using var f = await emulator.FreshOrgAsync();
        var escalation = await f.Org(Globex).SendAsync("get_workflow_request_structure", Js.O(("workflowId", DemoWorkflows.TicketEscalation)));
        Assert.Equal("4711", escalation!["payload"].S("ticket_id"));
        Assert.Equal("ticket_id", escalation["schema"]!["required"]![0]!.GetValue<string>());
        Assert.Equal("string (required)", escalation["schema_interpreted"].S("ticket_id"));

        var draft = (await f.Org(Globex).SendAsync("create_workflow", Js.O(("name", "Empty"))))!["workflow"]!;
        var none = await f.Org(Globex).SendAsync("get_workflow_request_structure", Js.O(("workflowId", draft.S("_id"))));
        Assert.Equal("""{"payload":null,"schema":null,"schema_interpreted":null}""", none!.ToJsonString());
    }

    [Fact]
    public async Task ListEnabledWorkflows_ReadsTheAccountsConfigs()
    {
        await using var f = await emulator.FreshOrgAsync();
        Assert.Empty((await f.Org(Globex).SendAsync("list_enabled_workflows"))!.AsArray());

        var partition = f.Emulator.State.PartitionForApiKey(f.ApiKey)!;
        partition.Collection(global::Refold.Emulator.State.Collections.Configs).Insert(Js.O(
            ("linked_account_id", Globex), ("slug", "hubspot"), ("config_id", Globex),
            ("workflows", new JsonArray(Js.O(("id", DemoWorkflows.ContactSync), ("enabled", true)), Js.O(("id", DemoWorkflows.TicketEscalation), ("enabled", false))))));
        var enabled = Assert.Single((await f.Org(Globex).SendAsync("list_enabled_workflows"))!.AsArray());
        Assert.Equal(DemoWorkflows.ContactSync, enabled.S("id"));
        Assert.Equal(Globex, enabled.S("config_id"));
        Assert.Equal("hubspot", enabled!["application"].S("slug"));

        var (status, _, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/workflow/enabled", apiKey: f.ApiKey);
        Assert.Equal(400, status);
    }
}
