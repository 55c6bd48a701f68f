using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Emulator.Core;
using Refold.Emulator.Engine;
using Refold.Emulator.State;

namespace Refold.Emulator.Groups;

/// <summary>
/// execute_workflow: starts a run of a published workflow for the linked account. Async (default) answers
/// <c>{message, execution_id}</c> at once; <c>sync_execution: true</c> waits for the run to end and answers its
/// <c>return_value</c> with the Response node's status code. The whole JSON body is the trigger payload; a body that
/// is only <c>{"payload": {...}}</c> (as Refold's reference examples send it) is unwrapped.
/// </summary>
internal static class WorkflowExecute
{
    // Never handed to a workflow by include-headers.
    private static readonly HashSet<string> s_secretHeaders =
        new([RefoldHeaders.ApiKey, "authorization", "cookie", "host", "content-length", "connection"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Refold answers a bad execute request (above all one without its slug header) with <c>{message: "Server Error", error}</c>.</summary>
    public static EmulatorResult InvalidInput(string problem) =>
        RefoldErrors.ServerErrorText(400, problem.StartsWith("slug ", StringComparison.Ordinal) ? "Workflow ID and slug are required" : problem);

    public static async Task<EmulatorResult> ExecuteAsync(EmulatorRequest req)
    {
        var id = req.Route("workflowId");
        var account = req.RequireLinkedAccountId();
        req.FindLinkedAccount(account);
        var workflow = Workflows.Find(req.Data, id, account)
            ?? throw req.NotFound("No workflow found with the provided ID.", "INVALID_WORKFLOW_ID");
        if (Workflows.Kind(workflow) != Workflows.Parent)
        {
            throw req.BadRequest($"Workflow {id} is a {Workflows.Kind(workflow)}; execute its workflow {Workflows.ParentId(workflow)} once published", "INVALID_WORKFLOW_ID");
        }

        if (workflow.Bool("published") != true)
        {
            throw req.BadRequest($"Workflow {id} is not published; publish it first (publish_workflow)", "INVALID_WORKFLOW_ID");
        }

        var slug = req.Header("slug");
        if (slug != workflow.Str("slug"))
        {
            throw req.BadRequest($"Workflow {id} belongs to application '{workflow.Str("slug")}', not '{slug}'", "INVALID_WORKFLOW_ID");
        }

        var payload = Payload(req.Body);
        if (workflow.Bool("enable_schema_validation") == true && workflow["json_schema"]?["required"] is JsonArray required
            && required.Select(r => Doc.Text(r)!).FirstOrDefault(r => payload[r] is null) is { } missing)
        {
            throw req.BadRequest($"payload.{missing} is required by the workflow's json_schema", "MISSING_REQUIRED_FIELD");
        }

        var sync = req.Header("sync_execution") == "true";
        var headers = req.Header("include-headers") == "true" || req.Query("include-headers") == "true"
            ? new JsonObject([.. req.Headers.Where(h => !s_secretHeaders.Contains(h.Key)).Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), (JsonNode?)h.Value))])
            : null;
        var engine = req.Services.GetRequiredService<WorkflowEngine>();
        var started = engine.Start(req.Data, new Executions.StartRequest
        {
            Workflow = workflow,
            LinkedAccountId = account,
            ConfigId = req.Header("config_id"),
            Sync = sync,
            Payload = payload,
            Headers = headers,
            InstanceTag = req.Header("instance_tag"),
        });
        var executionId = started.Str("_id")!;
        if (!sync)
        {
            return new JsonObject { ["message"] = "Workflow execution started", ["execution_id"] = executionId };
        }

        var finished = await engine.WhenFinishedAsync(req.Data, executionId, req.Aborted) ?? started;
        var result = new JsonObject
        {
            ["execution_id"] = executionId,
            ["return_value"] = finished["return_value"]?.DeepClone(),
            ["errored"] = finished.Str("status") != Executions.Completed,
            ["status_code"] = (int)(Numbers.Long(finished["status_code"]) ?? 200),
            ["executed_by_thanos"] = false,
        };
        if (finished["execution_error"] is JsonObject error)
        {
            result["execution_error"] = error.DeepClone();
        }

        if (headers is not null)
        {
            result["headers"] = headers;
        }

        return EmulatorResult.WithStatus((int)(Numbers.Long(finished["status_code"]) ?? 200), result);
    }

    private static JsonObject Payload(JsonNode? body) => body switch
    {
        JsonObject { Count: 1 } wrapped when wrapped["payload"] is JsonObject inner => (JsonObject)inner.DeepClone(),
        JsonObject whole => (JsonObject)whole.DeepClone(),
        _ => [],
    };
}
