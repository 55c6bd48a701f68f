using System.Text.Json.Nodes;
using Refold.Emulator.Groups;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class McpServersTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;

    private static readonly Dictionary<string, string> s_globexHeader = new() { ["linked_account_id"] = Globex };

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task ListOrCreate_ApiKeyWithoutLinkedAccount_Is404MissingRequiredField(string method)
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(new HttpMethod(method), "api/v2/public/mcp-servers", apiKey: f.ApiKey,
            body: method == "POST" ? Js.O(("name", "n"), ("description", "d")) : null);
        Assert.Equal(404, status);
        Assert.Equal(["status_code", "http_error_type", "error_code", "message"], body!.AsObject().Select(p => p.Key));
        Assert.Equal("MISSING_REQUIRED_FIELD", body.S("error_code"));
        Assert.Equal("Linked account id is required with API Key, for this resource", body.S("message"));
        Assert.Single((await f.Org(Globex).SendAsync("list_mcp_servers")).A("docs"));
    }

    [Fact]
    public async Task CreateMcpServer_Valid_Is201AndListedNewestFirst()
    {
        await using var f = await emulator.FreshOrgAsync();
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        var (status, created, _) = await f.RawAsync(HttpMethod.Post, "api/v2/public/mcp-servers", apiKey: f.ApiKey,
            body: Js.O(("name", "Billing helper"), ("description", "Invoices and customers")), headers: s_globexHeader);
        Assert.Equal(201, status);
        Assert.Equal(["_id", "name", "description"], created!.AsObject().Select(p => p.Key));

        var page = await f.Org(Globex).SendAsync("list_mcp_servers");
        Assert.Equal(2, page!["totalDocs"]!.GetValue<int>());
        Assert.Equal([created.S("_id"), McpServersGroup.DemoServerId], page.A("docs").Select(d => d.S("_id")));
        var full = page.A("docs")[0];
        Assert.Equal("test", full.S("environment"));
        Assert.Equal(f.OrgId, full.S("associated_org_id"));
        Assert.Empty(full.A("associated_apps"));
    }

    [Fact]
    public async Task CreateMcpServer_MissingDescription_Is400NameAndDescriptionRequired()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("create_mcp_server", Js.O(("name", "Only a name"), ("description", ""))));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("SERVER_ERROR", error.ErrorCode);
        Assert.Equal("name and description are required", error.Message);
    }

    [Fact]
    public async Task UpdateMcpServer_PatchStyle_WritesOnlySentFieldsAndKeepsIds()
    {
        await using var f = await emulator.FreshOrgAsync();
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var apps = new JsonArray(Js.O(("slug", "stripe"), ("actions", new JsonArray("list_customers", Js.O(("id", "create_customer"), ("name", "Create"))))));
        var updated = await f.Org(Globex).SendAsync("update_mcp_server", Js.O(("mcp_server_id", McpServersGroup.DemoServerId), ("associated_apps", apps), ("safe_mode", false)));

        Assert.Equal("Support copilot", updated.S("name"));
        Assert.False(updated!["safe_mode"]!.GetValue<bool>());
        Assert.Equal(["list_customers", "create_customer"], updated.A("associated_apps")[0].A("actions").Select(a => a!.GetValue<string>()));
        Assert.Equal(f.Stamp(TimeSpan.FromMinutes(5)), updated.S("updatedAt"));
        var read = await f.Org(Globex).SendAsync("get_mcp_server", Js.O(("mcp_server_id", McpServersGroup.DemoServerId)));
        Assert.Equal("stripe", Assert.Single(read.A("associated_apps")).S("slug"));
        Assert.Equal(2, read.A("suggestions").Count);
    }

    [Fact]
    public async Task UpdateMcpServer_UnknownActionOrWorkflowOrBadColour_Is400AndChangesNothing()
    {
        await using var f = await emulator.FreshOrgAsync();
        var badAction = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("update_mcp_server", Js.O(("mcp_server_id", McpServersGroup.DemoServerId), ("name", "Renamed"),
            ("associated_apps", new JsonArray(Js.O(("slug", "zendesk"), ("actions", new JsonArray("launch_rocket"))))))));
        Assert.Equal(400, badAction.StatusCode);
        Assert.Equal("Action launch_rocket not found in Application zendesk", badAction.Message);

        f.Emulator.State.PartitionForApiKey(f.ApiKey)!.Collection(Refold.Emulator.State.Collections.Workflows).Insert(Js.O(("name", "Some workflow")));
        var badWorkflow = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("update_mcp_server", Js.O(("mcp_server_id", McpServersGroup.DemoServerId),
            ("associated_apps", new JsonArray(Js.O(("slug", "zendesk"), ("workflows", new JsonArray("66a1f00dbeefcafe00000999"))))))));
        Assert.Equal("Workflow with id 66a1f00dbeefcafe00000999 not found", badWorkflow.Message);

        var badColour = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("update_mcp_server", Js.O(("mcp_server_id", McpServersGroup.DemoServerId), ("primary_color", "teal"))));
        Assert.Contains("primary_color", badColour.Message);
        Assert.Equal("Support copilot", (await f.Org(Globex).SendAsync("get_mcp_server", Js.O(("mcp_server_id", McpServersGroup.DemoServerId)))).S("name"));
    }

    [Fact]
    public async Task DeleteMcpServer_Existing_Is204ThenGetIs404McpEntryNotFound()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Delete, $"api/v2/public/mcp-servers/{McpServersGroup.DemoServerId}", apiKey: f.ApiKey);
        Assert.Equal(204, status);
        Assert.Null(body);

        var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("get_mcp_server", Js.O(("mcp_server_id", McpServersGroup.DemoServerId))));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("SERVER_ERROR", error.ErrorCode);
        Assert.Equal("MCPEntry not found", error.Message);
        Assert.Equal(404, (await f.RawAsync(HttpMethod.Delete, $"api/v2/public/mcp-servers/{McpServersGroup.DemoServerId}", apiKey: f.ApiKey)).Status);
    }

    [Fact]
    public async Task ListMcpServers_Pages_AndCapsTheLimitAt100()
    {
        await using var f = await emulator.FreshOrgAsync();
        var client = f.Org(Globex);
        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync("create_mcp_server", Js.O(("name", $"Server {i}"), ("description", "d")));
        }

        var second = await client.SendAsync("list_mcp_servers", Js.O(("page", 2L), ("limit", 3L)));
        Assert.Equal(4, second!["totalDocs"]!.GetValue<int>());
        Assert.Equal(2, second["totalPages"]!.GetValue<int>());
        Assert.Equal(McpServersGroup.DemoServerId, Assert.Single(second.A("docs")).S("_id"));
        Assert.Equal(1, second["prevPage"]!.GetValue<int>());

        var capped = await client.SendAsync("list_mcp_servers", Js.O(("limit", 500L)));
        Assert.Equal(100, capped!["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task McpServers_SessionToken_WorksWithoutHeader_AndAnotherEnvironmentSeesNone()
    {
        await using var f = await emulator.FreshOrgAsync();
        var session = f.Session(await f.TokenForAsync(Globex));
        Assert.Single((await session.SendAsync("list_mcp_servers")).A("docs"));
        var created = await session.SendAsync("create_mcp_server", Js.O(("name", "Agent"), ("description", "From a token")));
        Assert.Equal("Agent", created.S("name"));

        const string productionKey = "pk_demo_production_key_0000000000000000";
        f.Emulator.State.AddOrg(productionKey, f.OrgId);
        var (status, _, _) = await f.RawAsync(HttpMethod.Get, $"api/v2/public/mcp-servers/{McpServersGroup.DemoServerId}", apiKey: productionKey);
        Assert.Equal(404, status);
        Assert.Equal(401, (await f.RawAsync(HttpMethod.Get, "api/v2/public/mcp-servers")).Status);
    }
}
