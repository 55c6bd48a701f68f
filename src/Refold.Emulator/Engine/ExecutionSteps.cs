using System.Globalization;
using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Groups;
using Refold.Emulator.Seed;
using Refold.Emulator.State;

namespace Refold.Emulator.Engine;

/// <summary>
/// Moves one execution forward at a moment of the emulator's clock: enters nodes in plan order, runs them, and stops
/// where a node has to wait (its duration, a retry back-off, a human task, the next batch). Node types and their
/// <c>data</c>:
/// <list type="bullet">
/// <item><c>start</c> — <c>trigger</c> (<c>API Call</c>, <c>Event</c> + <c>event</c>, <c>Schedule</c>); outputs the trigger payload.</item>
/// <item><c>action</c> — <c>slug</c>, <c>action_id</c>, <c>inputs</c> (templated), <c>duration_ms</c>, <c>max_attempts</c>,
/// <c>retry_delay_ms</c> (doubling per retry); runs the app action for the execution's linked account.</item>
/// <item><c>delay</c> — <c>duration_ms</c>.</item>
/// <item><c>human_task</c> — <c>name</c>, <c>description</c>, <c>form_structure</c>, <c>ui_structure</c>, <c>data</c> (templated
/// prefill), <c>receiver_emails</c>, <c>expire_after_s</c>; waits (<c>Waiting</c>) until the form is submitted or expires.</item>
/// <item><c>batch</c> — <c>items</c> (a template naming a list), <c>batch_size</c>, <c>duration_ms</c> per batch, and optionally
/// <c>slug</c>/<c>action_id</c>/<c>inputs</c> run once per item (<c>{{item.x}}</c>); records batches for list_execution_node_batches.</item>
/// <item><c>response</c> — <c>body</c> (templated) and <c>status_code</c>: the run's return value.</item>
/// </list>
/// Templates see <c>payload</c>, <c>headers</c>, <c>linked_account_id</c>, <c>config_id</c> and <c>node.&lt;id&gt;</c> (a finished node's output).
/// </summary>
internal sealed class ExecutionSteps(EmulatorState state)
{
    private static readonly TimeSpan s_defaultTaskExpiry = TimeSpan.FromDays(7);

    private enum Kind
    {
        Wait,
        Done,
        Fail,
    }

    private readonly record struct Outcome(Kind Kind, long WakeMs = 0, JsonNode? Output = null, string NodeStatus = "Success", string RunStatus = Executions.Errored, string? Error = null)
    {
        public static Outcome Until(long wakeMs) => new(Kind.Wait, wakeMs);

        public static Outcome Success(JsonNode? output) => new(Kind.Done, Output: output);

        public static Outcome Failure(JsonNode? output, string error, string nodeStatus = "Errored", string runStatus = Executions.Errored) =>
            new(Kind.Fail, Output: output, NodeStatus: nodeStatus, RunStatus: runStatus, Error: error);
    }

    /// <summary>Advances <paramref name="execution"/> (changed in place) as far as it goes at <paramref name="now"/>; webhook events it causes go to <paramref name="outbox"/>.</summary>
    public void Advance(Partition partition, JsonObject execution, DateTimeOffset now, List<EmulatorEvent> outbox)
    {
        var engine = execution[Executions.EngineKey] as JsonObject;
        if (engine is null)
        {
            return;
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        while (true)
        {
            var status = execution.Str("status");
            if (status == Executions.Stopping)
            {
                Finish(partition, execution, Executions.Stopped, now, "Stopped", "Stopped on request (stop_execution)", outbox);
                return;
            }

            if (status != Executions.Running)
            {
                engine.Remove("wake_ms");
                return;
            }

            var deadline = Long(engine["deadline_ms"]);
            if (deadline is { } d && nowMs >= d)
            {
                Finish(partition, execution, Executions.TimedOut, now, "Timed_Out", "The workflow ran longer than its settings.timeout", outbox);
                return;
            }

            var plan = (JsonArray)engine["plan"]!;
            var cursor = (int)(Long(engine["cursor"]) ?? 0);
            if (cursor >= plan.Count)
            {
                Finish(partition, execution, Executions.Completed, now, null, null, outbox);
                return;
            }

            var definition = (JsonObject)plan[cursor]!;
            var nodes = (JsonArray)execution["nodes"]!;
            if (nodes.Count <= cursor)
            {
                nodes.Add((JsonNode)Enter(definition, now));
                engine["node"] = new JsonObject();
            }

            var entry = (JsonObject)nodes[cursor]!;
            var outcome = Work(partition, execution, definition, entry, (JsonObject)engine["node"]!, now);
            switch (outcome.Kind)
            {
                case Kind.Wait:
                    engine["wake_ms"] = deadline is { } limit ? Math.Min(limit, outcome.WakeMs) : outcome.WakeMs;
                    return;

                case Kind.Done:
                    Complete(entry, "Success", outcome.Output, now);
                    engine["cursor"] = cursor + 1;
                    execution["completion_percentage"] = (int)Math.Floor(100.0 * (cursor + 1) / plan.Count);
                    continue;

                default:
                    Complete(entry, outcome.NodeStatus, outcome.Output, now);
                    Finish(partition, execution, outcome.RunStatus, now, null, outcome.Error, outbox);
                    return;
            }
        }
    }

    private Outcome Work(Partition partition, JsonObject execution, JsonObject definition, JsonObject entry, JsonObject runtime, DateTimeOffset now)
    {
        var data = definition["data"] as JsonObject ?? [];
        var nowMs = now.ToUnixTimeMilliseconds();
        switch (definition.Str("type"))
        {
            case "start":
                return Outcome.Success(new JsonObject
                {
                    ["status"] = "initialized",
                    ["message"] = "Workflow started",
                    ["trigger"] = execution.Str("trigger_application_event"),
                    ["payload"] = Executions.Payload(execution)?.DeepClone(),
                });

            case "action":
                return Action(partition, execution, data, entry, runtime, nowMs);

            case "delay":
                if (Long(runtime["due_ms"]) is not { } due)
                {
                    runtime["due_ms"] = due = nowMs + Duration(data);
                }

                return nowMs < due ? Outcome.Until(due) : Outcome.Success(new JsonObject { ["waited_ms"] = Duration(data) });

            case "human_task":
                return HumanTask(partition, execution, definition, data, entry, runtime, now);

            case "batch":
                return Batch(partition, execution, definition, data, entry, runtime, nowMs);

            case "response":
                var body = Templates.Render(data["body"], Context(execution));
                execution["return_value"] = body?.DeepClone();
                execution["status_code"] = (int)(Long(data["status_code"]) ?? 200);
                return Outcome.Success(body);

            default:
                return Outcome.Failure(new JsonObject { ["error"] = $"Unknown node type '{definition.Str("type")}'" }, $"Unknown node type '{definition.Str("type")}'");
        }
    }

    private Outcome Action(Partition partition, JsonObject execution, JsonObject data, JsonObject entry, JsonObject runtime, long nowMs)
    {
        if (Long(runtime["due_ms"]) is not { } due)
        {
            entry["input_data"] = Templates.Render(data["inputs"] ?? new JsonObject(), Context(execution));
            entry["maximum_attempts"] = MaxAttempts(data);
            runtime["due_ms"] = due = nowMs + Duration(data);
        }

        if (nowMs < due)
        {
            return Outcome.Until(due);
        }

        var attempts = (int)(Long(entry["attempts_made"]) ?? 0) + 1;
        entry["attempts_made"] = attempts;
        var (ok, output) = RunAction(partition, execution, data.Str("slug"), data.Str("action_id"), entry["input_data"] as JsonObject ?? []);
        entry["latest_output"] = output?.DeepClone();
        if (ok)
        {
            return Outcome.Success(output);
        }

        if (attempts < MaxAttempts(data))
        {
            var backoff = (Long(data["retry_delay_ms"]) ?? 1000) * (1L << Math.Min(attempts - 1, 20));
            runtime["due_ms"] = nowMs + backoff;
            return Outcome.Until(nowMs + backoff);
        }

        return Outcome.Failure(output, output.Str("error") ?? "The action failed");
    }

    /// <summary>Runs an app action for the execution's linked account: (succeeded, the node's output).</summary>
    private static (bool Ok, JsonObject Output) RunAction(Partition partition, JsonObject execution, string? slug, string? actionId, JsonObject inputs)
    {
        var accountId = execution.Str("linked_account_id")!;
        var app = DemoApps.Find(slug ?? "");
        var action = app?.Action(actionId ?? "");
        if (app is null || action is null)
        {
            return (false, new JsonObject { ["status"] = 404, ["error"] = $"Action {actionId} not found in Application {slug}" });
        }

        var account = partition.Collection(Collections.LinkedAccounts).FindOne(a => Doc.Is(a, "account_id", accountId));
        if (account is null)
        {
            return (false, new JsonObject { ["status"] = 404, ["error"] = $"Linked account {accountId} not found" });
        }

        if (AppActionRunner.Refusal(account, app, action, inputs) is { } refused)
        {
            return (false, new JsonObject { ["status"] = refused.Status, ["error_code"] = refused.Code, ["error"] = refused.Message });
        }

        var result = AppActionRunner.Run(partition, accountId, app, action, inputs);
        var data = result["data"] as JsonObject ?? [];
        return (result.Str("node_status") == "Success", (JsonObject)data.DeepClone());
    }

    private Outcome HumanTask(Partition partition, JsonObject execution, JsonObject definition, JsonObject data, JsonObject entry, JsonObject runtime, DateTimeOffset now)
    {
        var tasks = partition.Collection(Collections.HumanTasks);
        if (runtime.Str("task_id") is not { } taskId)
        {
            var expires = now + (Long(data["expire_after_s"]) is { } s && s > 0 ? TimeSpan.FromSeconds(s) : s_defaultTaskExpiry);
            var task = HumanTaskForms.New(execution, definition, Templates.Render(data["data"] ?? new JsonObject(), Context(execution)) as JsonObject ?? [], now, expires, state);
            taskId = tasks.Insert(task).Str("_id")!;
            runtime["task_id"] = taskId;
            entry["node_status"] = "Waiting";
            entry["input_data"] = new JsonObject { ["human_task_id"] = taskId };
            entry["latest_output"] = new JsonObject { ["human_task_id"] = taskId, ["status"] = HumanTaskForms.Waiting, ["expire_in"] = EmulatorState.Iso(expires) };
        }

        var current = tasks.Get(taskId);
        if (current is null)
        {
            return Outcome.Failure(new JsonObject { ["error"] = "The human task was deleted" }, "The human task was deleted");
        }

        if (current.Str("status") == HumanTaskForms.Submitted)
        {
            return Outcome.Success(current["data"]?.DeepClone() ?? new JsonObject());
        }

        var expiry = HumanTaskForms.ExpiresAt(current);
        if (now >= expiry)
        {
            tasks.Update(taskId, t => t["status"] = HumanTaskForms.Timeout);
            var output = new JsonObject { ["human_task_id"] = taskId, ["status"] = HumanTaskForms.Timeout };
            return Outcome.Failure(output, $"Human task {taskId} was not submitted before it expired", "Timed_Out", Executions.TimedOut);
        }

        return Outcome.Until(expiry.ToUnixTimeMilliseconds());
    }

    private Outcome Batch(Partition partition, JsonObject execution, JsonObject definition, JsonObject data, JsonObject entry, JsonObject runtime, long nowMs)
    {
        if (runtime["items"] is not JsonArray items)
        {
            if (Templates.Render(data["items"], Context(execution)) is not JsonArray resolved)
            {
                return Outcome.Failure(new JsonObject { ["error"] = "items does not name a list" }, "items does not name a list");
            }

            runtime["items"] = items = resolved;
            runtime["next"] = 0;
            runtime["due_ms"] = nowMs + Duration(data);
            entry["input_data"] = new JsonObject { ["items"] = items.Count, ["batch_size"] = BatchSize(data) };
        }

        var batches = partition.Collection(Executions.BatchCollection);
        var size = BatchSize(data);
        while (true)
        {
            var next = (int)(Long(runtime["next"]) ?? 0);
            if (next * size >= items.Count)
            {
                var all = batches.Find(b => Doc.Is(b, "execution_id", execution.Str("_id")) && Doc.Is(b, "node_id", Doc.Text(definition["id"])));
                return Outcome.Success(new JsonObject
                {
                    ["processed"] = items.Count,
                    ["batches"] = all.Count,
                    ["errored_batches"] = all.Count(b => b.Str("status") != "Success"),
                });
            }

            var due = Long(runtime["due_ms"]) ?? nowMs;
            if (nowMs < due)
            {
                return Outcome.Until(due);
            }

            var chunk = items.Skip(next * size).Take(size).ToList();
            var failures = new JsonArray();
            foreach (var item in chunk)
            {
                if (data.Str("action_id") is null)
                {
                    continue;
                }

                var context = Context(execution);
                context["item"] = item?.DeepClone();
                var (ok, output) = RunAction(partition, execution, data.Str("slug"), data.Str("action_id"), Templates.Render(data["inputs"] ?? new JsonObject(), context) as JsonObject ?? []);
                if (!ok)
                {
                    failures.Add((JsonNode)output);
                }
            }

            batches.Insert(new JsonObject
            {
                ["execution_id"] = execution.Str("_id"),
                ["node_id"] = Doc.Text(definition["id"]),
                ["workflow_id"] = execution["associated_workflow"].Str("_id"),
                ["linked_account_id"] = execution.Str("linked_account_id"),
                ["batch_index"] = next,
                ["status"] = failures.Count == 0 ? "Success" : "Errored",
                ["output"] = new JsonObject { ["processed"] = chunk.Count - failures.Count, ["failed"] = failures.Count, ["errors"] = failures },
                ["createdAt"] = EmulatorState.Iso(DateTimeOffset.FromUnixTimeMilliseconds(nowMs)),
            });
            entry["attempts_made"] = next + 1;
            runtime["next"] = next + 1;
            runtime["due_ms"] = nowMs + Duration(data);
        }
    }

    private static JsonObject Enter(JsonObject definition, DateTimeOffset now) => new()
    {
        ["node_id"] = Doc.Text(definition["id"]),
        ["node_name"] = definition.Str("name") ?? definition.Str("type"),
        ["node_type"] = definition.Str("type"),
        ["node_status"] = "Ready",
        ["is_batch"] = definition.Str("type") == "batch",
        ["attempts_made"] = 0,
        ["maximum_attempts"] = 1,
        ["execution_time"] = 0,
        ["input_data"] = null,
        ["latest_output"] = null,
        ["entered_at"] = EmulatorState.Iso(now),
    };

    private static void Complete(JsonObject entry, string status, JsonNode? output, DateTimeOffset now)
    {
        entry["node_status"] = status;
        entry["latest_output"] = output?.DeepClone();
        entry["attempts_made"] = Math.Max(1, (int)(Long(entry["attempts_made"]) ?? 0));
        entry["completed_at"] = EmulatorState.Iso(now);
        entry["execution_time"] = (long)(now - Entered(entry, now)).TotalMilliseconds;
    }

    // Ends the run: status, timing, the node it stopped in, its human task, and the webhook event Refold sends.
    private void Finish(Partition partition, JsonObject execution, string status, DateTimeOffset now, string? openNodeStatus, string? error, List<EmulatorEvent> outbox)
    {
        var engine = (JsonObject)execution[Executions.EngineKey]!;
        var nodes = (JsonArray)execution["nodes"]!;
        var open = nodes.OfType<JsonObject>().LastOrDefault(n => n.Str("node_status") is "Ready" or "Waiting");
        if (open is not null && openNodeStatus is not null)
        {
            Complete(open, openNodeStatus, open["latest_output"], now);
        }

        if (engine["node"]?.Str("task_id") is { } taskId && status != Executions.Completed)
        {
            partition.Collection(Collections.HumanTasks).UpdateOne(t => Doc.Is(t, "_id", taskId) && t.Str("status") == HumanTaskForms.Waiting, t => t["status"] = HumanTaskForms.Timeout);
        }

        execution["status"] = status;
        execution["completion_time"] = EmulatorState.Iso(now);
        var started = DateTimeOffset.Parse(execution.Str("createdAt") ?? EmulatorState.Iso(now), CultureInfo.InvariantCulture);
        execution["instance_execution_time"] = (long)(now - started).TotalMilliseconds;
        engine.Remove("wake_ms");
        engine.Remove("node");
        var failed = nodes.OfType<JsonObject>().LastOrDefault(n => n.Str("node_status") is not ("Success" or "Ready"));
        if (error is not null)
        {
            execution["errored"] = true;
            execution["execution_error"] = new JsonObject
            {
                ["message"] = error,
                ["node_id"] = failed?.Str("node_id"),
                ["node_name"] = failed?.Str("node_name"),
                ["attempts_made"] = failed?["attempts_made"]?.DeepClone(),
                ["error_time"] = EmulatorState.Iso(now),
                ["response"] = failed?["latest_output"]?.DeepClone(),
            };
        }

        if (status == Executions.Completed)
        {
            execution["completion_percentage"] = 100;
            execution["errored"] = false;
            outbox.Add(WorkflowEvent(execution, Core.WebhookEventNames.WorkflowCompleted, null));
        }
        else if (status is Executions.Errored or Executions.TimedOut)
        {
            outbox.Add(WorkflowEvent(execution, Core.WebhookEventNames.WorkflowErrored, execution["execution_error"] as JsonObject));
        }
    }

    /// <summary>README §9: {linked_account_id, instance_id, workflow_id, config_id, event, workflow_name, status, environment}, plus the failure for Workflow Errored.</summary>
    private static EmulatorEvent WorkflowEvent(JsonObject execution, string name, JsonObject? error)
    {
        var payload = new JsonObject
        {
            ["linked_account_id"] = execution.Str("linked_account_id"),
            ["instance_id"] = execution.Str("_id"),
            ["workflow_id"] = execution["associated_workflow"].Str("_id"),
            ["config_id"] = execution.Str("config_id"),
            ["event"] = name,
            ["workflow_name"] = execution["associated_workflow"].Str("name"),
            ["status"] = execution.Str("status"),
            ["environment"] = execution.Str("environment"),
        };
        if (error is not null)
        {
            payload["failed_node"] = new JsonObject { ["node_id"] = error["node_id"]?.DeepClone(), ["node_name"] = error["node_name"]?.DeepClone() };
            payload["attempts"] = error["attempts_made"]?.DeepClone();
            payload["error_time"] = error["error_time"]?.DeepClone();
            payload["error"] = error["response"]?.DeepClone() ?? error["message"]?.DeepClone();
        }

        return new EmulatorEvent(execution.Str("org_id")!, execution.Str("environment")!, name, payload);
    }

    /// <summary>What templates of the run can name.</summary>
    private static JsonObject Context(JsonObject execution)
    {
        var outputs = new JsonObject();
        foreach (var node in (execution["nodes"] as JsonArray ?? []).OfType<JsonObject>().Where(n => n.Str("node_status") == "Success"))
        {
            outputs[node.Str("node_id")!] = node["latest_output"]?.DeepClone();
        }

        return new JsonObject
        {
            ["payload"] = Executions.Payload(execution)?.DeepClone(),
            ["headers"] = execution[Executions.EngineKey]?["headers"]?.DeepClone(),
            ["linked_account_id"] = execution.Str("linked_account_id"),
            ["config_id"] = execution.Str("config_id"),
            ["node"] = outputs,
        };
    }

    private static DateTimeOffset Entered(JsonObject entry, DateTimeOffset fallback) =>
        entry.Str("entered_at") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : fallback;

    private static long Duration(JsonObject data) => Math.Max(0, Long(data["duration_ms"]) ?? 0);

    private static int MaxAttempts(JsonObject data) => (int)Math.Clamp(Long(data["max_attempts"]) ?? 1, 1, 10);

    private static int BatchSize(JsonObject data) => (int)Math.Clamp(Long(data["batch_size"]) ?? 10, 1, 1000);

    private static long? Long(JsonNode? node) => Numbers.Long(node);
}
