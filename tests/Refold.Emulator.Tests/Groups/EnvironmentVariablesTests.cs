using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class EnvironmentVariablesTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    // Seeded definitions (see the emulator README).
    private const string ErpBaseUrl = "66a1f00dbeefcafe00000e01";
    private const string ErpToken = "66a1f00dbeefcafe00000e02";
    private const string SyncBatchSize = "66a1f00dbeefcafe00000e03";
    private const string AlertChannel = "66a1f00dbeefcafe00000e05";

    // Seeded values.
    private const string BatchSizeValue = "66a1f00dbeefcafe00000e11";
    private const string InitechErpUrlValue = "66a1f00dbeefcafe00000e13";

    private static string PathOf(string operation, string name, string value) =>
        RefoldCatalog.Find(operation)!.Route.Replace("{" + name + "}", value, StringComparison.Ordinal);

    [Fact]
    public async Task ListVariableDefinitions_Filters_NarrowThePage()
    {
        await using var f = await emulator.FreshOrgAsync();
        var all = await f.Org().SendAsync("list_variable_definitions");
        Assert.Equal(5, all!["totalDocs"]!.GetValue<int>());

        var accountScoped = await f.Org().SendAsync("list_variable_definitions", Js.O(("scope", "linked_account")));
        Assert.Equal(["ERP_BASE_URL", "ERP_TOKEN"], accountScoped.A("docs").Select(d => d.S("name")));
        var urls = await f.Org().SendAsync("list_variable_definitions", Js.O(("var_format", "url"), ("name", "^ERP")));
        Assert.Equal(["ERP_BASE_URL"], urls.A("docs").Select(d => d.S("name")));
        var paged = await f.Org().SendAsync("list_variable_definitions", Js.O(("limit", 2), ("page", 3)));
        Assert.Single(paged.A("docs"));
        Assert.Equal(3, paged!["totalPages"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListVariableDefinitions_UnknownScope_Is400InTheErrorEnvelope()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, PathOf("list_variable_definitions", "", "") + "?scope=team", apiKey: f.ApiKey);
        Assert.Equal(400, status);
        Assert.Equal("SERVER_ERROR", body.S("error"));
        Assert.Contains("scope must be one of org, workspace, linked_account, workflow", body.S("message"));
    }

    [Fact]
    public async Task GetVariableDefinition_Seeded_IsWrappedAndUsesCamelCaseTimestamps()
    {
        await using var f = await emulator.FreshOrgAsync();
        var wrapped = await f.Org().SendAsync("get_variable_definition", Js.O(("id", ErpToken)));
        var definition = wrapped!["definition"]!;
        Assert.Equal("ERP_TOKEN", definition.S("name"));
        Assert.Equal("linked_account", definition.S("scope"));
        Assert.True(definition["encrypted"]!.GetValue<bool>());
        Assert.Equal(f.Stamp(TimeSpan.Zero), definition.S("createdAt"));
        Assert.Equal(f.Stamp(TimeSpan.Zero), definition.S("updatedAt"));
        Assert.Null(definition["created_at"]);
        Assert.Null(definition["updated_at"]);
    }

    [Fact]
    public async Task GetVariableDefinition_Unknown_Is404WithErrorCode()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, PathOf("get_variable_definition", "id", "66a1f00dbeefcafe00000eff"), apiKey: f.ApiKey);
        Assert.Equal(404, status);
        Assert.Equal("""{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"RESOURCE_NOT_FOUND","message":"Variable definition not found"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task VariableDefinitions_SessionToken_Is401InvalidCredentials()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, PathOf("list_variable_definitions", "", ""), bearer: token);
        Assert.Equal(401, status);
        Assert.Equal("Invalid Credentials", body.S("message"));
    }

    [Fact]
    public async Task GetVariableValue_AccountScoped_ResolvesPerAccountAndRedactsEncrypted()
    {
        await using var f = await emulator.FreshOrgAsync();
        var globex = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", ErpBaseUrl), ("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.Equal(Js.O(("value", "https://erp.globex.example"), ("encrypted", false), ("name", "ERP_BASE_URL"), ("scope", "linked_account"), ("variable_definition_id", ErpBaseUrl)).ToJsonString(), globex!.ToJsonString());
        var initech = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", ErpBaseUrl), ("linked_account_id", DemoOrg.InitechAccount)));
        Assert.Equal("https://erp.initech.example", initech.S("value"));

        var secret = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", ErpToken), ("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.Equal("[REDACTED]", secret.S("value"));
        Assert.True(secret!["encrypted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetVariableValue_SessionToken_ReadsOnlyItsOwnAccountsValue()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.InitechAccount);
        // Asking for another account's value still answers the token's own.
        var value = await f.Session(token).SendAsync("get_variable_value", Js.O(("definition_id", ErpBaseUrl), ("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.Equal("https://erp.initech.example", value.S("value"));
        var secret = await EmulatorFixture.FailsAsync(f.Session(token).SendAsync("get_variable_value", Js.O(("definition_id", ErpToken))));
        Assert.Equal(404, secret.StatusCode);
    }

    [Fact]
    public async Task GetVariableValue_AccountScopedWithoutAccount_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, PathOf("get_variable_value", "definition_id", ErpBaseUrl), apiKey: f.ApiKey);
        Assert.Equal(400, status);
        Assert.Equal("""{"status_code":400,"http_error_type":"BAD_REQUEST","error":"SERVER_ERROR","message":"linked_account_id is required for linked_account scope"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task SetVariableValue_OrgScope_ReplacesTheSingleValue()
    {
        await using var f = await emulator.FreshOrgAsync();
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        var stored = await f.Org(DemoOrg.GlobexAccount).SendAsync("set_variable_value", Js.O(("variable_definition_id", SyncBatchSize), ("value", "250")));
        Assert.Equal(BatchSizeValue, stored.S("_id"));
        Assert.Equal("250", stored.S("value"));
        Assert.Equal("org", stored.S("scope"));
        Assert.Null(stored!["linked_account_id"]);
        Assert.Equal(f.Stamp(TimeSpan.FromMinutes(1)), stored.S("updatedAt"));

        var read = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", SyncBatchSize)));
        Assert.Equal("250", read.S("value"));
        var values = await f.Org().SendAsync("list_variable_values", Js.O(("scope", "org")));
        Assert.Equal(1, values!["totalDocs"]!.GetValue<int>());
    }

    [Fact]
    public async Task SetVariableValue_AccountScope_CreatesThenReplacesPerAccount()
    {
        await using var f = await emulator.FreshOrgAsync();
        await f.Org().SendAsync("create_linked_account", Js.O(("account_id", "acct_new")));
        var created = await f.Org().SendAsync("set_variable_value", Js.O(("variable_definition_id", ErpBaseUrl), ("value", "https://erp.new.example"), ("linked_account_id", "acct_new")));
        Assert.Equal("acct_new", created.S("linked_account_id"));
        var replaced = await f.Org("acct_new").SendAsync("set_variable_value", Js.O(("variable_definition_id", ErpBaseUrl), ("value", "https://erp2.new.example")));
        Assert.Equal(created.S("_id"), replaced.S("_id"));

        var read = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", ErpBaseUrl), ("linked_account_id", "acct_new")));
        Assert.Equal("https://erp2.new.example", read.S("value"));
        var globex = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", ErpBaseUrl), ("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.Equal("https://erp.globex.example", globex.S("value"));
    }

    [Theory]
    [InlineData(SyncBatchSize, "many")]
    [InlineData(ErpBaseUrl, "not a url")]
    [InlineData(ErpBaseUrl, "ftp://erp.example")]
    public async Task SetVariableValue_WrongFormat_Is400InTheErrorEnvelope(string definition, string value)
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, PathOf("set_variable_value", "", ""), apiKey: f.ApiKey,
            body: Js.O(("variable_definition_id", definition), ("value", value), ("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.Equal(400, status);
        Assert.Equal("SERVER_ERROR", body.S("error"));
        Assert.Null(body!["error_code"]);
        Assert.StartsWith("value does not match the variable format", body.S("message"));
    }

    [Fact]
    public async Task SetVariableValue_MissingValue_Is400NamingIt()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, PathOf("set_variable_value", "", ""), apiKey: f.ApiKey, body: Js.O(("variable_definition_id", SyncBatchSize)));
        Assert.Equal(400, status);
        Assert.Equal("value is required", body.S("message"));
    }

    [Fact]
    public async Task SetVariableValue_Encrypted_IsNeverShownButKeptInState()
    {
        await using var f = await emulator.FreshOrgAsync();
        var stored = await f.Org(DemoOrg.InitechAccount).SendAsync("set_variable_value", Js.O(("variable_definition_id", ErpToken), ("value", "initech-secret")));
        Assert.Equal("[REDACTED]", stored.S("value"));
        Assert.Equal(DemoOrg.InitechAccount, stored.S("linked_account_id"));

        var listed = await f.Org(DemoOrg.InitechAccount).SendAsync("list_variable_values", Js.O(("scope", "linked_account"), ("variable_definition_id", ErpToken), ("linked_account_id", DemoOrg.InitechAccount)));
        Assert.Equal("[REDACTED]", Assert.Single(listed.A("docs")).S("value"));
        var kept = f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection("env_values").Get(stored.S("_id")!);
        Assert.Equal("initech-secret", kept.S("value"));
    }

    [Fact]
    public async Task SetVariableValue_WorkflowScope_NeedsWorkflowIdAndKeysByIt()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(DemoOrg.GlobexAccount);
        var missing = await EmulatorFixture.FailsAsync(client.SendAsync("set_variable_value", Js.O(("variable_definition_id", AlertChannel), ("value", "#ops"))));
        Assert.Equal(400, missing.StatusCode);
        Assert.Equal("workflow_id is required for workflow scope", missing.Message);

        await client.SendAsync("set_variable_value", Js.O(("variable_definition_id", AlertChannel), ("value", "#ops"), ("workflow_id", "wf_a")));
        await client.SendAsync("set_variable_value", Js.O(("variable_definition_id", AlertChannel), ("value", "#sales"), ("workflow_id", "wf_b")));
        var a = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", AlertChannel), ("workflow_id", "wf_a")));
        Assert.Equal("#ops", a.S("value"));
        var listed = await f.Org().SendAsync("list_variable_values", Js.O(("scope", "workflow"), ("workflow_id", "wf_b")));
        Assert.Equal("#sales", Assert.Single(listed.A("docs")).S("value"));
    }

    [Fact]
    public async Task SetVariableValue_ScopeMismatch_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org().SendAsync("set_variable_value",
            Js.O(("variable_definition_id", SyncBatchSize), ("value", "5"), ("linked_account_id", DemoOrg.GlobexAccount))));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("applies only to linked_account variables", error.Message);
    }

    [Fact]
    public async Task SetVariableValue_SessionToken_SetsOnlyItsOwnAccountsValues()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.InitechAccount);
        var session = f.Session(token);
        var own = await session.SendAsync("set_variable_value", Js.O(("variable_definition_id", ErpBaseUrl), ("value", "https://erp3.initech.example")));
        Assert.Equal(DemoOrg.InitechAccount, own.S("linked_account_id"));
        Assert.Equal(InitechErpUrlValue, own.S("_id"));

        var other = await EmulatorFixture.FailsAsync(session.SendAsync("set_variable_value",
            Js.O(("variable_definition_id", ErpBaseUrl), ("value", "https://evil.example"), ("linked_account_id", DemoOrg.GlobexAccount))));
        Assert.Equal(403, other.StatusCode);
        var org = await EmulatorFixture.FailsAsync(session.SendAsync("set_variable_value", Js.O(("variable_definition_id", SyncBatchSize), ("value", "1"))));
        Assert.Equal(403, org.StatusCode);

        var globex = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", ErpBaseUrl), ("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.Equal("https://erp.globex.example", globex.S("value"));
        var batch = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", SyncBatchSize)));
        Assert.Equal("100", batch.S("value"));
    }

    [Fact]
    public async Task ListVariableValues_AccountScope_HasStatusAndPagedEnvelopeWithDefinitions()
    {
        await using var f = await emulator.FreshOrgAsync();
        var page = await f.Org().SendAsync("list_variable_values", Js.O(("scope", "linked_account"), ("limit", 2)));
        Assert.Equal("success", page.S("status"));
        Assert.Equal(3, page!["totalDocs"]!.GetValue<int>());
        Assert.True(page["hasNextPage"]!.GetValue<bool>());
        var first = page.A("docs")[0];
        Assert.Equal(ErpBaseUrl, first.S("variable_definition_id"));
        Assert.Equal("ERP_BASE_URL", first!["variable_definition"].S("name"));

        var globex = await f.Org().SendAsync("list_variable_values", Js.O(("scope", "linked_account"), ("linked_account_id", DemoOrg.GlobexAccount)));
        Assert.Equal(2, globex!["totalDocs"]!.GetValue<int>());
        Assert.All(globex.A("docs"), d => Assert.Equal(DemoOrg.GlobexAccount, d.S("linked_account_id")));
    }

    [Fact]
    public async Task ListVariableValues_SessionToken_SeesOnlyItsOwnAccount()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.InitechAccount);
        var page = await f.Session(token).SendAsync("list_variable_values", Js.O(("scope", "linked_account"), ("linked_account_id", DemoOrg.GlobexAccount)));
        var only = Assert.Single(page.A("docs"));
        Assert.Equal(DemoOrg.InitechAccount, only.S("linked_account_id"));

        var (status, body, _) = await f.RawAsync(HttpMethod.Get, PathOf("list_variable_values", "scope", "org"), bearer: token);
        Assert.Equal(403, status);
        Assert.Equal("FORBIDDEN", body.S("http_error_type"));
        Assert.NotNull(body.S("error_code"));
    }

    [Fact]
    public async Task ListVariableValues_WorkflowScopeWithoutWorkflowId_Is400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, PathOf("list_variable_values", "scope", "workflow"), apiKey: f.ApiKey);
        Assert.Equal(400, status);
        Assert.Equal("""{"status_code":400,"http_error_type":"BAD_REQUEST","error":"SERVER_ERROR","message":"workflow_id is required for workflow scope"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task DeleteVariableValue_Existing_RemovesItAndNamesTheVariable()
    {
        await using var f = await emulator.FreshOrgAsync();
        var result = await f.Org(DemoOrg.GlobexAccount).SendAsync("delete_variable_value", Js.O(("value_id", BatchSizeValue)));
        Assert.Equal("success", result.S("status"));
        Assert.Equal("Variable value for \"SYNC_BATCH_SIZE\" deleted successfully", result.S("message"));
        var gone = await EmulatorFixture.FailsAsync(f.Org().SendAsync("get_variable_value", Js.O(("definition_id", SyncBatchSize))));
        Assert.Equal(404, gone.StatusCode);

        var (status, body, _) = await f.RawAsync(HttpMethod.Delete, PathOf("delete_variable_value", "value_id", BatchSizeValue), apiKey: f.ApiKey);
        Assert.Equal(404, status);
        Assert.Equal("""{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"RESOURCE_NOT_FOUND","message":"Variable value not found"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task DeleteVariableValue_AnotherAccountsValue_Is404AndKeepsIt()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var bySession = await EmulatorFixture.FailsAsync(f.Session(token).SendAsync("delete_variable_value", Js.O(("value_id", InitechErpUrlValue))));
        Assert.Equal(404, bySession.StatusCode);
        var orgValue = await EmulatorFixture.FailsAsync(f.Session(token).SendAsync("delete_variable_value", Js.O(("value_id", BatchSizeValue))));
        Assert.Equal(404, orgValue.StatusCode);
        var byKey = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.GlobexAccount).SendAsync("delete_variable_value", Js.O(("value_id", InitechErpUrlValue))));
        Assert.Equal(404, byKey.StatusCode);

        var still = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", ErpBaseUrl), ("linked_account_id", DemoOrg.InitechAccount)));
        Assert.Equal("https://erp.initech.example", still.S("value"));
        var byOwner = await f.Org(DemoOrg.InitechAccount).SendAsync("delete_variable_value", Js.O(("value_id", InitechErpUrlValue)));
        Assert.Equal("success", byOwner.S("status"));
    }

    [Fact]
    public async Task GetVariableValue_EnvironmentOverride_ReadsTheOtherEnvironmentsValues()
    {
        await using var f = await emulator.FreshOrgAsync();
        var production = f.Emulator.State.Partition(f.OrgId, "production").Collection("env_values");
        production.Insert(Js.O(("variable_definition_id", SyncBatchSize), ("org_id", f.OrgId), ("environment", "production"), ("scope", "org"), ("value", "500")));

        var prod = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", SyncBatchSize), ("environment", "production")));
        Assert.Equal("500", prod.S("value"));
        var test = await f.Org().SendAsync("get_variable_value", Js.O(("definition_id", SyncBatchSize), ("environment", "test")));
        Assert.Equal("100", test.S("value"));
    }
}
