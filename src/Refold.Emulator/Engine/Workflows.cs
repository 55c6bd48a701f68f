using System.Text.Json.Nodes;
using Refold.Emulator.Seed;
using Refold.Emulator.State;

namespace Refold.Emulator.Engine;

/// <summary>
/// The workflow documents in <see cref="Collections.Workflows"/>. Three kinds share the collection (field <see cref="KindKey"/>):
/// the <b>parent</b> is the listed record and, once published, the id that runs (<c>published</c>, <c>current_version</c>);
/// a <b>draft</b> is its editable copy (<c>associated_workflow</c> = parent) that publish_workflow turns into the
/// published content; a <b>version</b> is the snapshot each publish leaves behind. Org-level workflows have no
/// <c>linked_account_id</c>; a linked account's private workflows carry its id.
/// </summary>
internal static class Workflows
{
    public const string KindKey = "_kind";
    public const string Parent = "workflow";
    public const string Draft = "draft";
    public const string Version = "version";

    /// <summary>The node types the engine runs (see <see cref="ExecutionSteps"/>).</summary>
    public static IReadOnlyList<string> NodeTypes { get; } = ["start", "action", "delay", "human_task", "batch", "response"];

    public static DocumentCollection Of(Partition partition) => partition.Collection(Collections.Workflows);

    public static string? Kind(JsonObject workflow) => workflow.Str(KindKey);

    /// <summary>An application a workflow belongs to: a demo app, or the org's default custom app.</summary>
    public sealed record AppRef(string Id, string Slug, string Name, string Icon);

    /// <summary>The app with this slug (<c>custom</c> is the org's own default app), or null.</summary>
    public static AppRef? App(string slug, OrgRecord org) =>
        slug == Groups.Integrations.DefaultAppType
            ? new AppRef(org.Id[..18] + "0000c1", slug, org.Name + " App", "")
            : DemoApps.Find(slug) is { } app ? new AppRef(app.AppId, app.Slug, app.Name, app.Icon) : null;

    /// <summary>The app with this _id, or null.</summary>
    public static AppRef? AppById(string id, OrgRecord org) =>
        DemoApps.All.FirstOrDefault(a => a.AppId == id) is { } app ? App(app.Slug, org) : App(Groups.Integrations.DefaultAppType, org) is { } own && own.Id == id ? own : null;

    /// <summary>A new parent workflow (not yet stored): unpublished, with the given nodes or a lone start node.</summary>
    public static JsonObject NewParent(Partition partition, AppRef app, string name, string? linkedAccountId, JsonObject? fields = null)
    {
        var workflow = new JsonObject
        {
            [KindKey] = Parent,
            ["name"] = name,
            ["description"] = "",
            ["icon"] = app.Icon,
            ["slug"] = app.Slug,
            ["associated_application"] = app.Id,
            ["associated_app_slugs"] = new JsonArray(app.Slug),
            ["org_id"] = partition.OrgId,
            ["environment"] = partition.Environment,
            ["published"] = false,
            ["public_access_workflow"] = linkedAccountId is not null,
            ["is_v2"] = true,
            ["settings"] = new JsonObject(),
            ["nodes"] = new JsonArray(StartNode()),
            ["edges"] = new JsonArray(),
            ["data_slots"] = new JsonArray(),
            ["current_version"] = 0,
        };
        if (linkedAccountId is not null)
        {
            workflow["linked_account_id"] = linkedAccountId;
        }

        foreach (var (key, value) in fields ?? [])
        {
            workflow[key] = value?.DeepClone();
        }

        return workflow;
    }

    /// <summary>The start node every workflow begins with: triggered by an API call.</summary>
    public static JsonObject StartNode(string trigger = "API Call", string? eventName = null)
    {
        var data = new JsonObject { ["trigger"] = trigger };
        if (eventName is not null)
        {
            data["event"] = eventName;
        }

        return new JsonObject
        {
            ["id"] = "1",
            ["type"] = "start",
            ["name"] = "Start",
            ["incoming_nodes"] = new JsonArray(),
            ["outgoing_nodes"] = new JsonArray(),
            ["data"] = data,
        };
    }

    /// <summary>A copy of <paramref name="source"/> as a new document of <paramref name="kind"/> pointing at <paramref name="parentId"/>.</summary>
    public static JsonObject CopyAs(JsonObject source, string kind, string parentId)
    {
        var copy = source.Without("_id", "createdAt", "updatedAt", "__v", "workflow_alias");
        copy[KindKey] = kind;
        copy["associated_workflow"] = parentId;
        copy["published"] = kind == Version;
        if (kind == Draft)
        {
            copy["enable_schema_validation"] = source.Bool("enable_schema_validation") ?? false;
        }

        return copy;
    }

    /// <summary>
    /// The workflow with this _id (any kind), or the parent with this <c>workflow_alias</c>, if the account may see it:
    /// org-level workflows are visible to every account, private ones only to their owner.
    /// </summary>
    public static JsonObject? Find(Partition partition, string idOrAlias, string? linkedAccountId) =>
        Of(partition).FindOne(w => (Doc.Is(w, "_id", idOrAlias) || (Kind(w) == Parent && Doc.Is(w, "workflow_alias", idOrAlias)))
            && VisibleTo(w, linkedAccountId));

    public static bool VisibleTo(JsonObject workflow, string? linkedAccountId) =>
        workflow.Str("linked_account_id") is not { } owner || owner == linkedAccountId;

    /// <summary>The parent a workflow document belongs to (itself for a parent).</summary>
    public static string ParentId(JsonObject workflow) =>
        Kind(workflow) == Parent ? workflow.Str("_id")! : workflow.Str("associated_workflow")!;

    /// <summary>A workflow as the API shows it: without the emulator's own keys.</summary>
    public static JsonObject View(JsonObject workflow) => Internal.Strip(workflow);

    /// <summary>
    /// The nodes in the order an execution visits them: from the start node along <c>edges</c> (source → target,
    /// first edge first); without edges, in the order they are listed.
    /// </summary>
    public static List<JsonObject> Plan(JsonObject workflow)
    {
        var nodes = (workflow["nodes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var edges = (workflow["edges"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (edges.Count == 0)
        {
            return nodes;
        }

        var plan = new List<JsonObject>();
        var next = nodes.FirstOrDefault(n => n.Str("type") == "start");
        while (next is not null && !plan.Contains(next))
        {
            plan.Add(next);
            var target = edges.FirstOrDefault(e => Doc.Text(e["source"]) == Doc.Text(next["id"]))?["target"];
            next = target is null ? null : nodes.FirstOrDefault(n => Doc.Text(n["id"]) == Doc.Text(target));
        }

        return plan;
    }

    /// <summary>The start node's trigger: <c>API Call</c>, <c>Event</c> (with the event name) or <c>Schedule</c>.</summary>
    public static (string Trigger, string? Event) Trigger(JsonObject workflow)
    {
        var start = (workflow["nodes"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(n => n.Str("type") == "start");
        return (start?["data"].Str("trigger") ?? "API Call", start?["data"].Str("event"));
    }

    /// <summary>Null when <paramref name="nodes"/> is a runnable node list, else what is wrong with it (naming the node).</summary>
    public static string? CheckNodes(JsonNode? nodes)
    {
        if (nodes is not JsonArray list || list.Any(n => n is not JsonObject))
        {
            return "nodes must be an array of objects";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in list.OfType<JsonObject>())
        {
            var id = Doc.Text(node["id"]);
            if (string.IsNullOrEmpty(id) || !ids.Add(id))
            {
                return "every node needs a unique id";
            }

            var type = node.Str("type");
            if (type is null || !NodeTypes.Contains(type))
            {
                return $"node {id}: type must be one of {string.Join(", ", NodeTypes)}";
            }

            if (type == "action")
            {
                var slug = node["data"].Str("slug");
                var action = node["data"].Str("action_id");
                if (slug is null || DemoApps.Find(slug)?.Action(action ?? "") is null)
                {
                    return $"node {id}: data.slug and data.action_id must name an application action (see list_application_actions), got '{slug}'/'{action}'";
                }
            }
        }

        return list.OfType<JsonObject>().Count(n => n.Str("type") == "start") == 1 ? null : "a workflow needs exactly one node of type start";
    }
}

/// <summary>The emulator keeps its own bookkeeping in document keys starting with '_' (other than <c>_id</c> and <c>__v</c>); the API never shows them.</summary>
internal static class Internal
{
    public static JsonObject Strip(JsonObject doc)
    {
        var copy = (JsonObject)doc.DeepClone();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith('_') && k is not ("_id" or "__v")).ToList())
        {
            copy.Remove(key);
        }

        return copy;
    }
}
