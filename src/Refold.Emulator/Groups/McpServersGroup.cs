using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// MCP server definitions of the org+environment: list (newest first), create (201), read, patch-style update, delete
/// (204). Listing and creating with an API key need a linked_account_id, else Refold's 404 MISSING_REQUIRED_FIELD.
/// </summary>
internal sealed partial class McpServersGroup : EmulatorGroup
{
    /// <summary>MCP server entries.</summary>
    public const string Collection = "mcp_servers";

    /// <summary>The seeded entry's id.</summary>
    public const string DemoServerId = "66a1f00dbeefcafe00000f01";

    private const int MaxLimit = 100;

    // Fields update may write; anything else in the body is ignored.
    private static readonly string[] s_writable =
        ["name", "description", "associated_apps", "suggestions", "chains", "agent_name", "primary_color", "secondary_color", "base_prompt", "safe_mode"];

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.McpServers.ListMcpServers, List);
        routes.Map(Ops.McpServers.CreateMcpServer, Create, invalidInput: m => m.EndsWith(" is required", StringComparison.Ordinal)
            ? RefoldErrors.WithErrorCode(400, "SERVER_ERROR", "name and description are required")
            : RefoldErrors.WithErrorCode(400, "SERVER_ERROR", m));
        routes.Map(Ops.McpServers.GetMcpServer, req => Find(req));
        routes.Map(Ops.McpServers.UpdateMcpServer, Update);
        routes.Map(Ops.McpServers.DeleteMcpServer, Delete);
    }

    public override void Seed(DemoSeed seed) =>
        seed.Partition.Collection(Collection).Insert(new JsonObject
        {
            ["_id"] = DemoServerId,
            ["name"] = "Support copilot",
            ["description"] = "Ticket triage and customer lookup for the support team",
            ["associated_org_id"] = seed.Org.Id,
            ["environment"] = seed.Partition.Environment,
            ["agent_name"] = "Triage Bot",
            ["primary_color"] = "#0E7C86",
            ["secondary_color"] = "#FFFFFF",
            ["base_prompt"] = "You help support agents triage Zendesk tickets and look up HubSpot contacts.",
            ["safe_mode"] = true,
            ["associated_apps"] = new JsonArray(
                new JsonObject { ["slug"] = "zendesk", ["workflows"] = new JsonArray(), ["actions"] = new JsonArray("list_tickets", "get_ticket", "update_ticket") },
                new JsonObject { ["slug"] = "hubspot", ["workflows"] = new JsonArray(), ["actions"] = new JsonArray("search_contacts") }),
            ["chains"] = new JsonArray(),
            ["suggestions"] = new JsonArray(
                new JsonObject { ["name"] = "Open tickets", ["prompt"] = "List my open tickets" },
                new JsonObject { ["name"] = "Who is this customer?", ["prompt"] = "Find the HubSpot contact for ticket 4711" }),
            ["notebooks"] = new JsonArray(),
            ["createdAt"] = seed.Ago(TimeSpan.FromDays(6)),
            ["updatedAt"] = seed.Ago(TimeSpan.FromDays(2)),
        });

    private static EmulatorResult List(EmulatorRequest req)
    {
        RequireAccount(req);
        var (page, limit) = req.Paging();
        var servers = req.Data.Collection(Collection).Find();
        servers.Reverse();
        var newestFirst = servers.OrderByDescending(s => s.Str("createdAt"), StringComparer.Ordinal).Select(s => (JsonNode?)s).ToList();
        return Paging.Page(newestFirst, page, Math.Min(limit, MaxLimit));
    }

    private static EmulatorResult Create(EmulatorRequest req)
    {
        RequireAccount(req);
        var body = req.Fields;
        var created = req.Data.Collection(Collection).Insert(new JsonObject
        {
            ["name"] = body.Str("name"),
            ["description"] = body.Str("description"),
            ["associated_org_id"] = req.Caller.OrgId,
            ["environment"] = req.Caller.Environment,
            ["agent_name"] = body.Str("name"),
            ["primary_color"] = "#0E7C86",
            ["secondary_color"] = "#FFFFFF",
            ["base_prompt"] = "",
            ["safe_mode"] = true,
            ["associated_apps"] = new JsonArray(),
            ["chains"] = new JsonArray(),
            ["suggestions"] = new JsonArray(),
            ["notebooks"] = new JsonArray(),
        });
        return new JsonObject { ["_id"] = created.Str("_id"), ["name"] = created.Str("name"), ["description"] = created.Str("description") };
    }

    private static JsonObject Find(EmulatorRequest req) =>
        req.Data.Collection(Collection).Get(req.Route("mcp_server_id")) ?? throw NotFound(req);

    private static EmulatorResult Update(EmulatorRequest req)
    {
        var body = req.Fields;
        var changes = new JsonObject();
        foreach (var field in s_writable.Where(body.ContainsKey))
        {
            changes[field] = body[field]?.DeepClone();
        }

        Validate(req, changes);
        return req.Data.Collection(Collection).Update(req.Route("mcp_server_id"), s =>
        {
            foreach (var (key, value) in changes)
            {
                s[key] = value?.DeepClone();
            }
        }) ?? throw NotFound(req);
    }

    private static EmulatorResult Delete(EmulatorRequest req) =>
        req.Data.Collection(Collection).Delete(req.Route("mcp_server_id")) ? EmulatorResult.Success(null) : throw NotFound(req);

    // With an org key, list and create insist on a linked account; it must exist.
    private static void RequireAccount(EmulatorRequest req)
    {
        if (req.Caller.LinkedAccountId is null)
        {
            throw req.Error(404, "MISSING_REQUIRED_FIELD", "Linked account id is required with API Key, for this resource");
        }

        req.RequireLinkedAccount();
    }

    // Checks an update before anything is written; associated_apps entries are normalised to id strings.
    private static void Validate(EmulatorRequest req, JsonObject changes)
    {
        foreach (var key in new[] { "name", "description" })
        {
            if (changes.ContainsKey(key) && string.IsNullOrWhiteSpace(changes.Str(key)))
            {
                throw req.BadRequest($"{key} must not be empty");
            }
        }

        foreach (var key in new[] { "primary_color", "secondary_color" })
        {
            if (changes.Str(key) is { } colour && !HexColour().IsMatch(colour))
            {
                throw req.BadRequest($"{key} must be a hex colour such as #0E7C86, got '{colour}'");
            }
        }

        foreach (var (suggestion, i) in (changes["suggestions"] as JsonArray ?? []).Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(suggestion.Str("prompt")))
            {
                throw req.BadRequest($"suggestions[{i}].prompt is required");
            }
        }

        if (changes["associated_apps"] is JsonArray apps)
        {
            changes["associated_apps"] = new JsonArray([.. apps.Select(a => (JsonNode)AssociatedApp(req, (JsonObject)a!))]);
        }
    }

    private static JsonObject AssociatedApp(EmulatorRequest req, JsonObject entry)
    {
        var slug = entry.Str("slug") ?? throw req.BadRequest("associated_apps[].slug is required");
        var app = DemoApps.Find(slug) ?? throw req.BadRequest($"Application with app_type '{slug}' not found for org {req.Caller.OrgId}");
        var actions = Ids(req, entry["actions"], "actions");
        if (actions.FirstOrDefault(a => app.Action(a) is null) is { } unknownAction)
        {
            throw req.BadRequest($"Action {unknownAction} not found in Application {slug}");
        }

        var workflows = Ids(req, entry["workflows"], "workflows");
        if (workflows.FirstOrDefault(w => KnownWorkflows.IsUnknown(req.Data, w)) is { } unknownWorkflow)
        {
            throw req.BadRequest($"Workflow with id {unknownWorkflow} not found");
        }

        return new JsonObject
        {
            ["slug"] = slug,
            ["workflows"] = new JsonArray([.. workflows.Select(w => (JsonNode)w)]),
            ["actions"] = new JsonArray([.. actions.Select(a => (JsonNode)a)]),
        };
    }

    // An entry of actions/workflows is an id, or an object {id, name, description}; the server keeps the id.
    private static List<string> Ids(EmulatorRequest req, JsonNode? list, string what) =>
        [.. (list as JsonArray ?? []).Select(i => (i is JsonObject o ? o.Str("id") : Doc.Text(i))
            ?? throw req.BadRequest($"associated_apps[].{what} entries must be ids or objects with an id"))];

    private static EmulatorException NotFound(EmulatorRequest req) => req.NotFound("MCPEntry not found", "SERVER_ERROR");

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}
