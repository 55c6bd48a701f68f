using Refold.Api.Errors;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class ApplicationsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    [Fact]
    public async Task ListApplications_ForAccount_MarksConnectedAndExpiredApps()
    {
        await using var f = await emulator.FreshOrgAsync();
        var apps = (await f.Org(DemoOrg.InitechAccount).SendAsync("list_applications"))!.AsArray();

        Assert.True(apps.Count >= 8);
        var salesforce = apps.Single(a => a.S("slug") == "salesforce");
        Assert.True(salesforce!["connected"]!.GetValue<bool>());
        var github = apps.Single(a => a.S("slug") == "github");
        Assert.True(github!["reauth_required"]!.GetValue<bool>());
        Assert.Equal("expired", github.A("connected_accounts")[0].S("status"));
        Assert.False(apps.Single(a => a.S("slug") == "hubspot")!["connected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ListApplications_Filters_ByTagAndAuthType()
    {
        await using var f = await emulator.FreshOrgAsync();
        var crm = (await f.Org().SendAsync("list_applications", Js.O(("tags", "CRM"))))!.AsArray();
        Assert.Equal(["hubspot", "salesforce"], crm.Select(a => a.S("slug")!).Order().ToArray());
        var keyBased = (await f.Org().SendAsync("list_applications", Js.O(("auth_type", "keybased"))))!.AsArray();
        Assert.All(keyBased, a => Assert.NotEmpty(a.A("auth_input_map")));
    }

    [Fact]
    public async Task GetApplication_Unknown_Is404ExternalApiFailure()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/public/application/nope", apiKey: f.ApiKey);
        Assert.Equal(404, status);
        Assert.Equal("EXTERNAL_API_ERROR", body.S("http_error_type"));
        Assert.Equal("EXTERNAL_API_FAILURE", body.S("error"));
        Assert.Equal($"Application with app_type 'nope' not found for org {f.OrgId}", body.S("message"));
    }

    [Fact]
    public async Task ListApplicationActions_ThenSchema_DescribeTheInputs()
    {
        await using var f = await emulator.FreshOrgAsync();
        var actions = (await f.Org(DemoOrg.GlobexAccount).SendAsync("list_application_actions", Js.O(("slug", "hubspot"))))!.AsArray();
        Assert.Contains(actions, a => a.S("action_id") == "create_contact");

        var schema = (await f.Org(DemoOrg.GlobexAccount).SendAsync("get_application_action_schema", Js.O(("slug", "hubspot"), ("action_id", "create_contact"))))!.AsArray();
        var email = schema.Single(p => p.S("name") == "email");
        Assert.True(email!["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetApplicationActionSchema_UnknownAction_Is404WithErrorCode()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/integration-schema/hubspot/actions/fly", apiKey: f.ApiKey,
            headers: new Dictionary<string, string> { ["linked_account_id"] = DemoOrg.GlobexAccount });
        Assert.Equal(404, status);
        Assert.Equal("SERVER_ERROR", body.S("error_code"));
        Assert.Null(body!["error"]);
        Assert.Equal("Action fly not found in Application hubspot", body.S("message"));
    }

    [Fact]
    public async Task ExecuteApplicationAction_CreateThenSearch_FindsTheNewRecord()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var created = await client.SendAsync("execute_application_action", Js.O(("slug", "hubspot"), ("action_id", "create_contact"),
            ("parameters", Js.O(("email", "new.person@example.com"), ("firstname", "Nova")))));
        Assert.Equal("Success", created.S("node_status"));
        var id = created!["data"]!["contact"].S("id");

        var found = await client.SendAsync("execute_application_action", Js.O(("slug", "hubspot"), ("action_id", "search_contacts"), ("parameters", Js.O(("query", "nova")))));
        var contact = Assert.Single(found!["data"].A("contacts"));
        Assert.Equal(id, contact.S("id"));

        var fetched = await client.SendAsync("execute_application_action", Js.O(("slug", "hubspot"), ("action_id", "get_contact"), ("parameters", Js.O(("contact_id", id)))));
        Assert.Equal("new.person@example.com", fetched!["data"]!["contact"].S("email"));
    }

    [Fact]
    public async Task ExecuteApplicationAction_MissingRequiredInput_Is400NamingIt()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("execute_application_action",
            Js.O(("slug", "zendesk"), ("action_id", "create_ticket"), ("parameters", Js.O(("priority", "high"))))));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("MISSING_REQUIRED_FIELD", error.ErrorCode);
        Assert.Contains("subject", error.Message);
    }

    [Fact]
    public async Task ExecuteApplicationAction_AppNotConnected_Is400AndExpired_Is401()
    {
        await using var f = await emulator.FreshOrgAsync();
        var notConnected = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("execute_application_action",
            Js.O(("slug", "stripe"), ("action_id", "list_customers"), ("parameters", Js.O()))));
        Assert.Equal(400, notConnected.StatusCode);

        var expired = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.InitechAccount).SendAsync("execute_application_action",
            Js.O(("slug", "github"), ("action_id", "list_repositories"), ("parameters", Js.O()))));
        Assert.Equal(401, expired.StatusCode);
        Assert.Contains("expired", expired.Message);
    }

    [Fact]
    public async Task ListApplicationActions_UnknownAccount_Is404()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org("acct_ghost").SendAsync("list_application_actions", Js.O(("slug", "hubspot"))));
        Assert.Equal(RefoldErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task ListApplicationActions_NoLinkedAccount_Is400NamingIt()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, "api/v2/integration-schema/hubspot/actions", apiKey: f.ApiKey);
        Assert.Equal(400, status);
        Assert.Equal("linked_account_id is required", body.S("message"));
    }
}
