using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Core;
using Refold.Emulator.Engine;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Workflows: list, create (a draft), read, edit, delete, drafts, publish/unpublish (a version snapshot per publish),
/// versions, expected input, enabled workflows, and execute (see <see cref="WorkflowExecute"/>). Documents and their
/// kinds are described in <see cref="Workflows"/>; the engine that runs them is <see cref="WorkflowEngine"/>.
/// </summary>
internal sealed class WorkflowsGroup : EmulatorGroup
{
    /// <summary>
    /// The Configs group's collection. list_enabled_workflows reads from it the documents of the linked account
    /// (<c>linked_account_id</c>) and their <c>workflows[]</c> entries with <c>enabled: true</c> (<c>id</c> naming a workflow).
    /// </summary>

    // Keys create_workflow does not let a caller set: ownership, environment, publication and bookkeeping.
    private static readonly HashSet<string> s_protected =
        ["_id", "org_id", "environment", "linked_account_id", "published", "associated_workflow", "current_version", "version", "createdAt", "updatedAt", "__v", "slug", "associated_application", "public_access_workflow"];

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Workflows.ListWorkflows, List);
        routes.Map(Ops.Workflows.CreateWorkflow, Create);
        routes.Map(Ops.Workflows.GetWorkflow, Get);
        routes.Map(Ops.Workflows.UpdateWorkflow, Update);
        routes.Map(Ops.Workflows.DeleteWorkflow, Delete);
        routes.Map(Ops.Workflows.GetWorkflowDraft, Draft);
        routes.Map(Ops.Workflows.PublishWorkflow, Publish);
        routes.MapAsync(Ops.Workflows.ExecuteWorkflow, WorkflowExecute.ExecuteAsync, WorkflowExecute.InvalidInput);
        routes.Map(Ops.Workflows.ListEnabledWorkflows, Enabled);
        routes.Map(Ops.Workflows.GetWorkflowRequestStructure, RequestStructure);
        routes.Map(Ops.Workflows.ListWorkflowVersions, Versions);
    }

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<WorkflowEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowEngine>());
    }

    public override void Seed(DemoSeed seed) => DemoWorkflows.SeedWorkflows(seed);

    private static EmulatorResult List(EmulatorRequest req)
    {
        var account = Account(req);
        var isPrivate = req.Query("scope") == "private";
        if (isPrivate && account is null)
        {
            throw req.BadRequest("linked_account_id is required with scope=private", "MISSING_REQUIRED_FIELD");
        }

        var slug = req.Query("slug");
        var appId = req.Query("application_id");
        var name = NameFilter(req.Query("name"));
        var published = req.Query("published");
        var from = Date(req, "start_date");
        var to = Date(req, "end_date");
        var docs = Workflows.Of(req.Data).Find(w =>
                Workflows.Kind(w) == Workflows.Parent
                && (isPrivate ? Doc.Is(w, "linked_account_id", account) : w.Str("linked_account_id") is null)
                && (slug is null || Doc.Is(w, "slug", slug))
                && (appId is null || Doc.Is(w, "associated_application", appId))
                && (name is null || name.IsMatch(w.Str("name") ?? ""))
                && (published is null || (w.Bool("published") == true) == (published == "true"))
                && InRange(w, from, to))
            .Select(w => (JsonNode?)Workflows.View(w))
            .ToList();
        var page = Paging.Page(req, docs);
        page["schema"] = MergedSchema(docs.OfType<JsonObject>());
        return page;
    }

    private static EmulatorResult Create(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        req.FindLinkedAccount(account);
        var body = req.Fields;
        var name = body.Str("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw req.BadRequest("name is required", "MISSING_REQUIRED_FIELD");
        }

        var org = req.State.FindOrg(req.Caller.OrgId!)!;
        var app = body.Str("slug") is { } slug ? Workflows.App(slug, org) ?? throw AppMissing(req, slug)
            : body.Str("associated_application") is { } appId ? Workflows.AppById(appId, org) ?? throw AppMissing(req, appId)
            : Workflows.App(Integrations.DefaultAppType, org)!;
        var fields = new JsonObject();
        foreach (var (key, value) in body.Object.Where(p => !s_protected.Contains(p.Key) && !p.Key.StartsWith('_')))
        {
            fields[key] = value?.DeepClone();
        }

        if (fields.ContainsKey("nodes") && Workflows.CheckNodes(fields["nodes"]) is { } problem)
        {
            throw req.BadRequest(problem);
        }

        CheckAlias(req, fields.Str("workflow_alias"), null);
        var workflows = Workflows.Of(req.Data);
        var draft = req.State.Atomically(() =>
        {
            var parent = workflows.Insert(Workflows.NewParent(req.Data, app, name, account, fields));
            return workflows.Insert(Workflows.CopyAs(parent, Workflows.Draft, parent.Str("_id")!));
        });
        return new JsonObject { ["workflow"] = Workflows.View(draft) };
    }

    private static EmulatorResult Get(EmulatorRequest req)
    {
        var id = req.Route("workflowId");
        var workflow = Workflows.Of(req.Data).FindOne(w => Doc.Is(w, "_id", id) || (Workflows.Kind(w) == Workflows.Parent && Doc.Is(w, "workflow_alias", id)))
            ?? throw NotFound(req);
        if (!Workflows.VisibleTo(workflow, req.Caller.LinkedAccountId))
        {
            throw req.Error(403, "SERVER_ERROR", "Workflow is private to another linked account");
        }

        return Workflows.View(workflow).Without("linked_account_id");
    }

    private static EmulatorResult Update(EmulatorRequest req)
    {
        var parent = OwnParent(req, Visible(req, req.Route("workflowId")));
        var body = req.Fields;
        if (body["settings"] is JsonObject settings)
        {
            if (settings["timeout"] is { } timeout && Numbers.Long(timeout) is not >= 0)
            {
                throw req.BadRequest("settings.timeout must be a whole number of seconds");
            }

            if (settings["dedup_key"] is { } dedup && dedup.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                throw req.BadRequest("settings.dedup_key must be a string");
            }
        }

        CheckAlias(req, body.Str("workflow_alias"), parent.Str("_id"));
        var parentId = parent.Str("_id")!;
        var updated = req.State.Atomically(() =>
        {
            var workflows = Workflows.Of(req.Data);
            workflows.UpdateMany(w => Workflows.ParentId(w) == parentId && Workflows.Kind(w) != Workflows.Version, w =>
            {
                foreach (var key in new[] { "name", "description" }.Where(body.ContainsKey))
                {
                    w[key] = body[key]?.DeepClone();
                }

                if (body["settings"] is JsonObject changes)
                {
                    var current = w["settings"] as JsonObject ?? [];
                    foreach (var (key, value) in changes)
                    {
                        current[key] = value?.DeepClone();
                    }

                    w["settings"] = current.DeepClone();
                }

                if (Workflows.Kind(w) == Workflows.Parent && body.Str("workflow_alias") is { } alias)
                {
                    w["workflow_alias"] = alias;
                }
            });
            return workflows.Get(parentId)!;
        });
        return Workflows.View(updated);
    }

    private static EmulatorResult Delete(EmulatorRequest req)
    {
        var workflow = Visible(req, req.Route("workflowId"));
        if (Workflows.Kind(workflow) == Workflows.Version)
        {
            throw req.BadRequest("Workflow is a version workflow.");
        }

        var parentId = OwnParent(req, workflow).Str("_id")!;
        req.State.Atomically(() =>
        {
            Workflows.Of(req.Data).DeleteWhere(w => Workflows.ParentId(w) == parentId);
            req.Data.Collection(Collections.Schedules).DeleteWhere(s => Doc.Is(s, "workflow", parentId));
        });
        return new JsonObject
        {
            ["message"] = "Workflow deleted successfully",
            ["successfullyDeletedTriggers"] = true,
            ["success"] = true,
            ["triggers_deregistered"] = true,
        };
    }

    private static EmulatorResult Draft(EmulatorRequest req)
    {
        var workflow = Visible(req, req.Route("workflowId"));
        if (Workflows.Kind(workflow) == Workflows.Draft)
        {
            return Workflows.View(workflow);
        }

        var parent = OwnParent(req, workflow);
        var parentId = parent.Str("_id")!;
        var workflows = Workflows.Of(req.Data);
        return Workflows.View(req.State.Atomically(() =>
            workflows.FindOne(w => Workflows.Kind(w) == Workflows.Draft && Doc.Is(w, "associated_workflow", parentId))
            ?? workflows.Insert(Workflows.CopyAs(parent, Workflows.Draft, parentId))));
    }

    private static EmulatorResult Publish(EmulatorRequest req)
    {
        var id = req.Route("workflowId");
        var workflow = Workflows.Of(req.Data).FindOne(w => Doc.Is(w, "_id", id) && Doc.Is(w, "linked_account_id", req.Caller.LinkedAccountId))
            ?? throw req.NotFound("No workflow found with the provided ID.", "INVALID_WORKFLOW_ID");
        var workflows = Workflows.Of(req.Data);
        var parentId = Workflows.ParentId(workflow);
        if (req.Fields.Bool("published") != true)
        {
            if (Workflows.Kind(workflow) != Workflows.Parent || workflow.Bool("published") != true)
            {
                throw req.BadRequest("Only public and published workflows can be unpublished", "INVALID_WORKFLOW_ID");
            }

            return Workflows.View(workflows.Update(parentId, w => w["published"] = false)!);
        }

        if (Workflows.Kind(workflow) == Workflows.Version)
        {
            throw req.BadRequest("A version snapshot cannot be published; publish the workflow's draft (get_workflow_draft)", "INVALID_WORKFLOW_ID");
        }

        var requested = Numbers.Long(req.Fields["version"]);
        if (requested is <= 0)
        {
            throw req.BadRequest("version must be a positive whole number", "INVALID_WORKFLOW_ID");
        }

        return Workflows.View(req.State.Atomically(() =>
        {
            var parent = workflows.Get(parentId)!;
            var source = Workflows.Kind(workflow) == Workflows.Draft ? workflow
                : workflows.FindOne(w => Workflows.Kind(w) == Workflows.Draft && Doc.Is(w, "associated_workflow", parentId)) ?? parent;
            var version = requested ?? ((Numbers.Long(parent["current_version"]) ?? 0) + 1);
            if (workflows.FindOne(w => Workflows.Kind(w) == Workflows.Version && Doc.Is(w, "associated_workflow", parentId) && Numbers.Long(w["version"]) == version) is not null)
            {
                throw req.BadRequest($"Version {version} of this workflow already exists", "INVALID_WORKFLOW_ID");
            }

            var published = workflows.Update(parentId, p =>
            {
                foreach (var key in new[] { "name", "description", "nodes", "edges", "settings", "json_schema", "manual_execution_payload", "data_slots" })
                {
                    if (source.ContainsKey(key))
                    {
                        p[key] = source[key]?.DeepClone();
                    }
                }

                p["published"] = true;
                p["current_version"] = version;
            })!;
            var snapshot = Workflows.CopyAs(published, Workflows.Version, parentId);
            snapshot["version"] = version;
            workflows.Insert(snapshot);
            workflows.DeleteWhere(w => Workflows.Kind(w) == Workflows.Draft && Doc.Is(w, "associated_workflow", parentId));
            return published;
        }));
    }

    private static EmulatorResult Enabled(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        req.FindLinkedAccount(account);
        var org = req.State.FindOrg(req.Caller.OrgId!)!;
        var workflows = Workflows.Of(req.Data);
        var enabled = new JsonArray();
        foreach (var config in req.Data.Collection(Collections.Configs).Find(c => Doc.Is(c, "linked_account_id", account)))
        {
            foreach (var entry in (config["workflows"] as JsonArray ?? []).OfType<JsonObject>().Where(e => e.Bool("enabled") == true))
            {
                var id = entry.Str("id") ?? entry.Str("workflow_id") ?? entry.Str("_id");
                if (id is null || workflows.Get(id) is not { } workflow || !Workflows.VisibleTo(workflow, account))
                {
                    continue;
                }

                var app = Workflows.App(workflow.Str("slug") ?? "", org);
                enabled.Add((JsonNode)new JsonObject
                {
                    ["id"] = id,
                    ["name"] = workflow.Str("name"),
                    ["description"] = workflow.Str("description") ?? "",
                    ["icon"] = workflow.Str("icon") ?? "",
                    ["config_id"] = config.Str("config_id") ?? account,
                    ["createdAt"] = workflow.Str("createdAt"),
                    ["updatedAt"] = workflow.Str("updatedAt"),
                    ["application"] = new JsonObject
                    {
                        ["_id"] = app?.Id,
                        ["name"] = app?.Name,
                        ["slug"] = app?.Slug,
                        ["icon"] = app?.Icon,
                        ["description"] = DemoApps.Find(app?.Slug ?? "")?.Description ?? "",
                    },
                });
            }
        }

        return enabled;
    }

    private static EmulatorResult RequestStructure(EmulatorRequest req)
    {
        var workflow = Visible(req, req.Route("workflowId"));
        var schema = workflow["json_schema"] as JsonObject;
        var payload = workflow["manual_execution_payload"];
        return new JsonObject
        {
            ["payload"] = payload?.DeepClone(),
            ["schema"] = schema?.DeepClone(),
            ["schema_interpreted"] = Interpret(schema, payload),
        };
    }

    private static EmulatorResult Versions(EmulatorRequest req)
    {
        var parentId = Workflows.ParentId(Visible(req, req.Route("workflowId")));
        var versions = Workflows.Of(req.Data)
            .Find(w => Workflows.Kind(w) == Workflows.Version && Doc.Is(w, "associated_workflow", parentId))
            .OrderByDescending(w => Numbers.Long(w["version"]))
            .Select(w => (JsonNode?)Workflows.View(w))
            .ToList();
        return Paging.Page(req, versions);
    }

    /// <summary>The linked account the call acts for (checked to exist), or null for an org-level call.</summary>
    internal static string? Account(EmulatorRequest req)
    {
        if (req.Caller.LinkedAccountId is { } id)
        {
            req.FindLinkedAccount(id);
        }

        return req.Caller.LinkedAccountId;
    }

    /// <summary>The workflow (any kind, by id or alias) the caller's account may see; 404 otherwise.</summary>
    internal static JsonObject Visible(EmulatorRequest req, string id) =>
        Workflows.Find(req.Data, id, Account(req)) ?? throw NotFound(req);

    // The parent of a linked account's own workflow; org-level workflows are not edited through the public API.
    private static JsonObject OwnParent(EmulatorRequest req, JsonObject workflow)
    {
        if (workflow.Str("linked_account_id") is null || workflow.Str("linked_account_id") != req.Caller.LinkedAccountId)
        {
            throw req.Error(403, "SERVER_ERROR", "Only a linked account's own workflows can be changed here; this one is an org-level workflow");
        }

        return Workflows.Of(req.Data).Get(Workflows.ParentId(workflow)) ?? throw NotFound(req);
    }

    private static void CheckAlias(EmulatorRequest req, string? alias, string? ownId)
    {
        if (alias is not null && Workflows.Of(req.Data).FindOne(w => Workflows.Kind(w) == Workflows.Parent && Doc.Is(w, "workflow_alias", alias) && !Doc.Is(w, "_id", ownId)) is not null)
        {
            throw req.BadRequest($"workflow_alias '{alias}' is already used by another workflow");
        }
    }

    private static EmulatorException NotFound(EmulatorRequest req) => req.NotFound("Workflow not found", "SERVER_ERROR");

    private static EmulatorException AppMissing(EmulatorRequest req, string slug) =>
        req.Error(500, "SERVER_ERROR", $"Application with slug {slug} not found");

    private static Regex? NameFilter(string? name)
    {
        if (name is null)
        {
            return null;
        }

        try
        {
            return new Regex(name, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return new Regex(Regex.Escape(name), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }

    /// <summary>An ISO date or date-time query value, or null when absent; 400 naming the field when unreadable.</summary>
    internal static DateTimeOffset? Date(EmulatorRequest req, string name)
    {
        if (req.Query(name) is not { } text)
        {
            return null;
        }

        return Rfc3339.TryParse(text, out var date)
            ? date
            : throw req.BadRequest($"{name} must be an ISO 8601 date or date-time, got '{text}'");
    }

    /// <summary>True when the document's createdAt lies in [from, to] (a date-only upper bound covers its whole day).</summary>
    internal static bool InRange(JsonObject doc, DateTimeOffset? from, DateTimeOffset? to)
    {
        var created = DateTimeOffset.Parse(doc.Str("createdAt")!, CultureInfo.InvariantCulture);
        var end = to is { } t && t.TimeOfDay == TimeSpan.Zero ? t.AddDays(1).AddTicks(-1) : to;
        return (from is null || created >= from) && (end is null || created <= end);
    }

    // The union of the listed workflows' input schemas.
    private static JsonObject MergedSchema(IEnumerable<JsonObject> workflows)
    {
        var properties = new JsonObject();
        foreach (var schema in workflows.Select(w => w["json_schema"]?["properties"]).OfType<JsonObject>())
        {
            foreach (var (key, value) in schema.Where(p => !properties.ContainsKey(p.Key)))
            {
                properties[key] = value?.DeepClone();
            }
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static string KindName(JsonNode? value) => value?.GetValueKind() switch
    {
        null or System.Text.Json.JsonValueKind.Null => "null",
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
        var kind => kind.ToString()!.ToLowerInvariant(),
    };

    // A readable summary: property → "type (required)", from the schema, else from the sample payload's values.
    private static JsonObject? Interpret(JsonObject? schema, JsonNode? payload)
    {
        if (schema?["properties"] is JsonObject properties)
        {
            var required = (schema["required"] as JsonArray ?? []).Select(r => Doc.Text(r)).ToHashSet();
            return new JsonObject([.. properties.Select(p => KeyValuePair.Create(p.Key,
                (JsonNode?)((p.Value.Str("type") ?? "any") + (required.Contains(p.Key) ? " (required)" : ""))))]);
        }

        return payload is JsonObject sample
            ? new JsonObject([.. sample.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)KindName(p.Value)))])
            : null;
    }
}
