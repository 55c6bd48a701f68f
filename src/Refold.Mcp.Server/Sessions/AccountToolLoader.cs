using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Api.Operations;
using Refold.Mcp.Server.Jobs;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Sessions;

/// <summary>
/// Reads, for the linked account a session acts for, what its account tools are made of: the published workflows
/// enabled for it (list_enabled_workflows, list_workflows, one get_workflow_request_structure each) and the actions
/// of the apps it has connected (list_applications, list_application_actions, one get_application_action_schema
/// each). Every read is sent as a tool's would be, through <see cref="OperationRunner.SendAsync"/> (the session's
/// refusals, the org's shared limiter, breaker, spans and error mapping), on a call of its own with no MCP request
/// behind it; the workflows are listed as <c>run_workflow</c> lists them (<see cref="WorkflowResolver.ListAsync"/>,
/// up to its cap of 10 pages of 50 per scope). At most <c>max</c> tools are built (workflows first), so a large org never costs more reads than the
/// cap allows.
/// </summary>
internal static class AccountToolLoader
{
    public static async Task<List<AccountTool>> LoadAsync(RefoldSession session, bool workflows, bool actions, int max, CancellationToken cancellationToken)
    {
        var call = ToolCall.Local(session, null, cancellationToken);
        var tools = new List<AccountTool>();
        if (workflows && session.Tools.Reaches(Workflows.ExecuteWorkflow))
        {
            tools.AddRange(await WorkflowToolsAsync(call, max).ConfigureAwait(false));
        }

        var accountId = session.Credential?.LinkedAccountId;
        if (actions && accountId is not null && tools.Count < max && session.Tools.Reaches(Applications.ExecuteApplicationAction))
        {
            tools.AddRange(await ActionToolsAsync(call, accountId, max - tools.Count).ConfigureAwait(false));
        }

        return tools;
    }

    private static async Task<List<AccountTool>> WorkflowToolsAsync(ToolCall call, int max)
    {
        var enabled = await OperationRunner.SendAsync(call, Workflows.ListEnabledWorkflows, []).ConfigureAwait(false) as JsonArray ?? [];
        var published = (await WorkflowResolver.ListAsync(call, null, publishedOnly: true).ConfigureAwait(false))
            .Select(w => ServerJson.Text(w, "_id")).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // One tool per workflow (it may be enabled in several configs), in a stable order.
        var chosen = enabled.OfType<JsonObject>()
            .Select(w => (Id: ServerJson.Text(w, "id"), Name: ServerJson.Text(w, "name"), Description: ServerJson.Text(w, "description"), Slug: ServerJson.Text(w["application"] as JsonObject, "slug")))
            .Where(w => w.Id is not null && w.Slug is not null && DataSchema.IsPlainName(w.Id) && DataSchema.IsPlainName(w.Slug) && published.Contains(w.Id))
            .DistinctBy(w => w.Id)
            .OrderBy(w => UntrustedText.Slug(w.Name, 64), StringComparer.Ordinal).ThenBy(w => w.Id, StringComparer.Ordinal)
            .Take(max)
            .ToList();
        var names = AccountToolNames.Assign([.. chosen.Select(w => (WorkflowTool.Prefix, w.Name ?? "", w.Id!))]);
        var tools = new List<AccountTool>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var structure = await OperationRunner.SendAsync(call, Workflows.GetWorkflowRequestStructure, new JsonObject { ["workflowId"] = chosen[i].Id }).ConfigureAwait(false);
            tools.Add(new WorkflowTool(names[i], chosen[i].Id!, chosen[i].Slug!, chosen[i].Name, chosen[i].Description, (structure as JsonObject)?["schema"]));
        }

        return tools;
    }

    private static async Task<List<AccountTool>> ActionToolsAsync(ToolCall call, string accountId, int max)
    {
        var apps = await OperationRunner.SendAsync(call, Applications.ListApplications, new JsonObject { ["linked_account_id"] = accountId }).ConfigureAwait(false) as JsonArray ?? [];
        var found = new List<(string Slug, string? AppName, string ActionId, string? Name, string? Description)>();
        foreach (var app in apps.OfType<JsonObject>()
                     .Where(a => a["connected"]?.GetValueKind() == JsonValueKind.True && a["reauth_required"]?.GetValueKind() != JsonValueKind.True)
                     .Select(a => (Slug: ServerJson.Text(a, "slug"), Name: ServerJson.Text(a, "name")))
                     .Where(a => a.Slug is not null && DataSchema.IsPlainName(a.Slug))
                     .OrderBy(a => a.Slug, StringComparer.Ordinal))
        {
            if (found.Count >= max)
            {
                break;
            }

            var actions = await OperationRunner.SendAsync(call, Applications.ListApplicationActions, new JsonObject { ["slug"] = app.Slug }).ConfigureAwait(false) as JsonArray ?? [];
            found.AddRange(actions.OfType<JsonObject>()
                .Select(a => (app.Slug!, app.Name, ActionId: ServerJson.Text(a, "action_id") ?? "", ServerJson.Text(a, "name"), ServerJson.Text(a, "description")))
                .Where(a => DataSchema.IsPlainName(a.ActionId))
                .DistinctBy(a => a.ActionId)
                .OrderBy(a => a.ActionId, StringComparer.Ordinal));
        }

        var chosen = found.Take(max).ToList();
        var names = AccountToolNames.Assign([.. chosen.Select(a => (ActionTool.Prefix, a.Slug + "_" + a.ActionId, a.Slug + "/" + a.ActionId))]);
        var tools = new List<AccountTool>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var (slug, appName, actionId, name, description) = chosen[i];
            var parameters = await OperationRunner.SendAsync(call, Applications.GetApplicationActionSchema, new JsonObject { ["slug"] = slug, ["action_id"] = actionId })
                .ConfigureAwait(false) as JsonArray ?? [];
            tools.Add(new ActionTool(names[i], slug, appName, actionId, name, description, ActionSchema(parameters)));
        }

        return tools;
    }

    // {name, label, required, type} per input, as get_application_action_schema answers.
    private static JsonObject ActionSchema(JsonArray parameters)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var parameter in parameters.OfType<JsonObject>().Take(DataSchema.MaxProperties))
        {
            if (ServerJson.Text(parameter, "name") is not { } name || !DataSchema.IsPlainName(name) || properties.ContainsKey(name))
            {
                continue;
            }

            properties[name] = DataSchema.Property(ServerJson.Text(parameter, "type") ?? "string", ServerJson.Text(parameter, "label"));
            if (parameter["required"]?.GetValueKind() == JsonValueKind.True)
            {
                required.Add((JsonNode)name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return schema;
    }
}
