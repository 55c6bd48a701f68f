using System.Text.Json.Nodes;
using Refold.Emulator.Seed;
using Refold.Emulator.State;

namespace Refold.Emulator.Groups;

/// <summary>
/// Read-only view of the workflows the Workflows group keeps, for the groups that refer to workflows by id
/// (configs, MCP servers).
/// </summary>
internal static class KnownWorkflows
{
    /// <summary>True when no workflow has this <c>_id</c> (or alias).</summary>
    public static bool IsUnknown(Partition partition, string id) => Find(partition, id) is null;

    /// <summary>The workflow with this <c>_id</c> or <c>workflow_alias</c>, or null.</summary>
    public static JsonObject? Find(Partition partition, string id) =>
        partition.Collection(Collections.Workflows).FindOne(w => IsWorkflow(w) && (Doc.Is(w, "_id", id) || Doc.Is(w, "workflow_alias", id)));

    /// <summary>
    /// The published workflows an app's config offers to a linked account: attached to the app (by <c>slug</c>,
    /// <c>associated_app_slugs</c> or <c>associated_application</c>), not hidden from configs, and public or private to this account.
    /// </summary>
    public static List<JsonObject> ForApp(Partition partition, AppDefinition app, string accountId) =>
        partition.Collection(Collections.Workflows).Find(w =>
            IsWorkflow(w)
            && w.Bool("published") != false
            && w.Bool("hide_in_config") != true
            && (w.Str("linked_account_id") is null || w.Str("linked_account_id") == accountId)
            && BelongsTo(w, app));

    /// <summary>The settings fields a workflow declares (<c>data_slots</c>), each with an <c>_id</c> or <c>id</c>.</summary>
    public static IEnumerable<JsonObject> Fields(JsonObject? workflow) =>
        (workflow?["data_slots"] as JsonArray ?? []).OfType<JsonObject>();

    // The listed workflow itself, not one of its drafts or version snapshots that share the collection.
    private static bool IsWorkflow(JsonObject document) => Engine.Workflows.Kind(document) is null or Engine.Workflows.Parent;

    private static bool BelongsTo(JsonObject workflow, AppDefinition app) =>
        workflow.Str("slug") == app.Slug
        || workflow.Str("associated_application") == app.AppId
        || workflow["associated_application"].Str("slug") == app.Slug
        || (workflow["associated_app_slugs"] as JsonArray ?? []).Any(s => Doc.Text(s) == app.Slug);
}
