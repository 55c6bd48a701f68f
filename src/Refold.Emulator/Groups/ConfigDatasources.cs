using System.Text.Json.Nodes;
using Refold.Emulator.State;

namespace Refold.Emulator.Groups;

/// <summary>
/// Resolves the options of a config field (or of a rule-engine column). A field lists fixed <c>options</c>, or names a
/// datasource in <c>data_source.name</c>: a document of <see cref="Collection"/> for the app with either fixed
/// <c>options</c>, <c>options_by_parent</c> (a dependent dropdown keyed by the parent field's value), or an
/// <c>action_id</c> whose records (the linked account's data in the emulated app) become options through
/// <c>label_key</c>/<c>value_key</c>. Failures land in <c>field_errors</c>, as Refold reports them, not as HTTP errors.
/// </summary>
internal static class ConfigDatasources
{
    /// <summary>Datasources of every app: {name, slug, options | options_by_parent | action_id + label_key + value_key}.</summary>
    public const string Collection = "config_datasources";

    /// <summary>
    /// The options of <paramref name="field"/>; <paramref name="parentValue"/> feeds a dependent datasource. Without
    /// option resolution (disable_field_options) a datasource-backed field has none.
    /// </summary>
    public static JsonArray Options(ConfigScope scope, JsonObject field, JsonNode? parentValue, List<JsonObject> errors)
    {
        if (field["data_source"] is not JsonObject source)
        {
            return (field["options"] as JsonArray)?.DeepClone().AsArray() ?? [];
        }

        if (!scope.ResolveOptions)
        {
            return [];
        }

        var name = source.Str("name");
        var datasource = scope.Data.Collection(Collection).FindOne(d => Doc.Is(d, "slug", scope.App.Slug) && Doc.Is(d, "name", name));
        if (datasource is null)
        {
            errors.Add(ConfigFields.Error(field, $"Datasource {name} not found for {scope.App.Name}"));
            return [];
        }

        if (datasource["options_by_parent"] is JsonObject byParent)
        {
            return Doc.Text(parentValue) is { } key && byParent[key] is JsonArray dependent ? dependent.DeepClone().AsArray() : [];
        }

        if (datasource.Str("action_id") is { } actionId)
        {
            return FromAction(scope, field, datasource, actionId, errors);
        }

        return (datasource["options"] as JsonArray)?.DeepClone().AsArray() ?? [];
    }

    /// <summary>The options of a field whose parent value comes from the config's stored values.</summary>
    public static JsonArray OptionsFromValues(ConfigScope scope, JsonObject field, JsonObject values, List<JsonObject> errors) =>
        Options(scope, field, field.Str("parent") is { } parent ? values[parent] : null, errors);

    // Runs the app's list action for the account and turns each record into {name, value}.
    private static JsonArray FromAction(ConfigScope scope, JsonObject field, JsonObject datasource, string actionId, List<JsonObject> errors)
    {
        if (!scope.IsConnected)
        {
            errors.Add(ConfigFields.Error(field, $"{scope.App.Name} is not connected for linked account {scope.AccountId}; reconnect it to load these options"));
            return [];
        }

        var action = scope.App.Action(actionId);
        if (action is null)
        {
            errors.Add(ConfigFields.Error(field, $"Action {actionId} not found in Application {scope.App.Slug}"));
            return [];
        }

        var result = AppActionRunner.Run(scope.Data, scope.AccountId, scope.App, action, []);
        var labelKey = datasource.Str("label_key") ?? "name";
        var valueKey = datasource.Str("value_key") ?? "id";
        return new JsonArray([.. (result["data"]?[action.Resource] as JsonArray ?? []).OfType<JsonObject>().Select(r => (JsonNode)new JsonObject
        {
            ["name"] = r[labelKey]?.DeepClone(),
            ["value"] = r[valueKey]?.DeepClone(),
        })]);
    }
}
