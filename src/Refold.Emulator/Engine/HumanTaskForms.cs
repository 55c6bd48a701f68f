using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refold.Emulator.State;

namespace Refold.Emulator.Engine;

/// <summary>
/// Human-in-the-loop forms (<see cref="Collections.HumanTasks"/>): created WAITING by a human_task node, answered
/// with submit_human_task (SUBMITTED), or expired (TIMEOUT). The task id is the only secret: reads need no credential.
/// </summary>
internal static class HumanTaskForms
{
    public const string Waiting = "WAITING";
    public const string Submitted = "SUBMITTED";
    public const string Timeout = "TIMEOUT";

    // Refold strips these internal links from the public form.
    private static readonly string[] s_internal = ["delayed_job_id", "instance_id", "node_id", "org_id", "associated_form_id", "linked_account_id", "environment"];

    /// <summary>A new WAITING form for the human_task node <paramref name="definition"/> of <paramref name="execution"/>.</summary>
    public static JsonObject New(JsonObject execution, JsonObject definition, JsonObject prefill, DateTimeOffset now, DateTimeOffset expires, EmulatorState state)
    {
        var data = definition["data"] as JsonObject ?? [];
        var task = new JsonObject
        {
            ["name"] = data.Str("name") ?? definition.Str("name") ?? "Human task",
            ["description"] = data.Str("description") ?? "",
            ["form_structure"] = data["form_structure"]?.DeepClone() ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() },
            ["ui_structure"] = data["ui_structure"]?.DeepClone() ?? new JsonObject(),
            ["data"] = prefill,
            ["status"] = Waiting,
            ["expire_in"] = EmulatorState.Iso(expires),
            ["receiver_emails"] = data["receiver_emails"]?.DeepClone() ?? new JsonArray(),
            ["instance_id"] = execution.Str("_id"),
            ["node_id"] = Doc.Text(definition["id"]),
            ["org_id"] = execution.Str("org_id"),
            ["environment"] = execution.Str("environment"),
            ["linked_account_id"] = execution.Str("linked_account_id"),
            ["delayed_job_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            ["associated_form_id"] = state.NewObjectId(),
            ["createdAt"] = EmulatorState.Iso(now),
            ["updatedAt"] = EmulatorState.Iso(now),
        };
        if (data.Str("group") is { } group)
        {
            task["group"] = group;
        }

        return task;
    }

    public static DateTimeOffset ExpiresAt(JsonObject task) =>
        DateTimeOffset.Parse(task.Str("expire_in")!, CultureInfo.InvariantCulture);

    /// <summary>The form as the public endpoint shows it.</summary>
    public static JsonObject Public(JsonObject task) => task.Without(s_internal);

    /// <summary>
    /// Null when <paramref name="answers"/> fit the form, else why not: a required property missing, a value of the
    /// wrong JSON type, an unknown property, or a read-only property changed from its prefilled value.
    /// </summary>
    public static string? Check(JsonObject task, JsonObject answers)
    {
        var form = task["form_structure"] as JsonObject ?? [];
        var properties = form["properties"] as JsonObject ?? [];
        var prefilled = task["data"] as JsonObject ?? [];
        foreach (var required in (form["required"] as JsonArray ?? []).Select(r => Doc.Text(r)!))
        {
            if (answers[required] is null && prefilled[required] is null)
            {
                return $"{required} is required";
            }
        }

        foreach (var (name, value) in answers)
        {
            if (properties.Count == 0)
            {
                continue;
            }

            if (properties[name] is not JsonObject property)
            {
                return $"{name} is not a field of this form";
            }

            if (property.Bool("readOnly") == true && !JsonNode.DeepEquals(value, prefilled[name]))
            {
                return $"{name} is read-only";
            }

            if (property.Str("type") is { } type && value is not null && !Fits(type, value.GetValueKind()))
            {
                return $"{name} must be of type {type}";
            }
        }

        return null;
    }

    private static bool Fits(string type, JsonValueKind kind) => type switch
    {
        "string" => kind == JsonValueKind.String,
        "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
        "number" or "integer" => kind == JsonValueKind.Number,
        "object" => kind == JsonValueKind.Object,
        "array" => kind == JsonValueKind.Array,
        _ => true,
    };
}
