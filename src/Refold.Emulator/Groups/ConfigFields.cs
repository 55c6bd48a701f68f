using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Emulator.State;

namespace Refold.Emulator.Groups;

/// <summary>
/// Config field definitions and how a field is shown. An app's config-level fields are documents of
/// <see cref="Definitions"/> (<c>{_id, slug, name, field_type, required, multiple, hidden, defaultValue, options |
/// data_source, parent, labels, rule_columns}</c>); a workflow's own fields are its <c>data_slots</c>.
/// </summary>
internal static class ConfigFields
{
    /// <summary>Config-level field definitions of every app.</summary>
    public const string Definitions = "config_fields";

    // Keys of a stored definition that are not part of the field Refold shows.
    private static readonly string[] s_internalKeys = ["_id", "slug", "createdAt", "updatedAt", "__v"];

    /// <summary>The config-level fields of the scope's app, in definition order.</summary>
    public static List<JsonObject> OfApp(ConfigScope scope) =>
        scope.Data.Collection(Definitions).Find(d => Doc.Is(d, "slug", scope.App.Slug));

    /// <summary>The id of a definition (<c>_id</c> for stored ones, <c>id</c> inside a workflow's data_slots).</summary>
    public static string? IdOf(JsonObject definition) => definition.Str("_id") ?? definition.Str("id");

    /// <summary>
    /// The definition of <paramref name="fieldId"/>: config-level, or among the fields of <paramref name="workflowId"/>
    /// when given; Refold's 400 when there is none.
    /// </summary>
    public static JsonObject Require(ConfigScope scope, string fieldId, string? workflowId)
    {
        var definitions = workflowId is null ? OfApp(scope) : [.. KnownWorkflows.Fields(KnownWorkflows.Find(scope.Data, workflowId))];
        return definitions.FirstOrDefault(d => IdOf(d) == fieldId)
            ?? throw scope.Request.BadRequest($"Field with id {fieldId} not found");
    }

    /// <summary>Why <paramref name="value"/> cannot be stored in the field, or null when it fits its field_type.</summary>
    public static string? Misfit(JsonObject definition, JsonNode? value)
    {
        var type = definition.Str("field_type") ?? "text";
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        string? expected = type switch
        {
            "json" => null,
            "number" => kind == JsonValueKind.Number ? null : "a number",
            "map" or "map_v2" => kind == JsonValueKind.Object ? null : "an object mapping each label to a value",
            "rule_engine" => kind is JsonValueKind.Object or JsonValueKind.Array ? null : "an object or array of rules",
            "select" when definition.Bool("multiple") == true => value is JsonArray a && a.All(i => i is JsonValue) ? null : "an array of option values",
            "select" => kind is JsonValueKind.String or JsonValueKind.Number ? null : "one option value",
            _ => kind == JsonValueKind.String ? null : "a string",
        };
        return expected is null ? null : $"Value of field {definition.Str("name")} ({type}) must be {expected}";
    }

    /// <summary>A field as Refold shows it: its definition with <c>id</c>, the given options, and <c>value</c> when one is set.</summary>
    public static JsonObject View(JsonObject definition, JsonArray options, JsonObject values)
    {
        var id = IdOf(definition)!;
        var view = new JsonObject { ["id"] = id };
        foreach (var (key, value) in definition)
        {
            if (!s_internalKeys.Contains(key) && key != "id")
            {
                view[key] = value?.DeepClone();
            }
        }

        view["required"] ??= false;
        view["multiple"] ??= false;
        view["hidden"] ??= false;
        view["defaultValue"] ??= "";
        view["options"] = options;
        if (values.TryGetPropertyValue(id, out var current))
        {
            view["value"] = current?.DeepClone();
        }

        return view;
    }

    /// <summary>A field entry of <c>field_errors</c>.</summary>
    public static JsonObject Error(JsonObject definition, string message) => new()
    {
        ["field_id"] = IdOf(definition),
        ["field_name"] = definition.Str("name"),
        ["message"] = message,
    };
}
