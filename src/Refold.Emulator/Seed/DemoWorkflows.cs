using System.Text.Json.Nodes;
using Refold.Emulator.Core;
using Refold.Emulator.Engine;
using Refold.Emulator.State;

namespace Refold.Emulator.Seed;

/// <summary>
/// The demo org's workflows and their history: four published org-level workflows, a custom event, a nightly
/// schedule, and executions in every status. The executions are produced by the engine itself
/// (<see cref="ExecutionSteps"/> run on a simulated clock in the past), so their node outputs are what the apps really
/// answer. Documented in the emulator README ("Seeded demo org").
/// </summary>
public static class DemoWorkflows
{
    /// <summary>"Nightly contact sync" (hubspot): async and long-running, about 12 s of emulator time.</summary>
    public const string ContactSync = "66a1f00dbeefcafe00000801";

    /// <summary>"Escalate urgent ticket" (zendesk): fails on purpose at node 3 (Jira is connected on no seeded account).</summary>
    public const string TicketEscalation = "66a1f00dbeefcafe00000802";

    /// <summary>"Refund approval" (slack): waits at a human task.</summary>
    public const string RefundApproval = "66a1f00dbeefcafe00000803";

    /// <summary>"Announce paid invoice" (slack): started by the custom event <see cref="InvoicePaidEvent"/>.</summary>
    public const string InvoiceAnnouncement = "66a1f00dbeefcafe00000804";

    /// <summary>"Lead router" (hubspot): Globex's own private workflow, published as version 1, with an unpublished draft.</summary>
    public const string LeadRouter = "66a1f00dbeefcafe00000810";

    /// <summary>The pending draft of <see cref="LeadRouter"/> (adds a Slack notification); publish_workflow turns it into version 2.</summary>
    public const string LeadRouterDraft = "66a1f00dbeefcafe00000811";

    /// <summary>The custom event <c>invoice_paid</c>.</summary>
    public const string InvoicePaidEventId = "66a1f00dbeefcafe00000701";

    public const string InvoicePaidEvent = "invoice_paid";

    /// <summary>The nightly cron schedule of the contact sync for Globex, and the event id its runs carry.</summary>
    public const string NightlySchedule = "66a1f00dbeefcafe00000b01";

    public const string NightlyScheduleEvent = "66a1f00dbeefcafe00000b02";

    /// <summary>Seeded executions, one per status (plus one started by the event).</summary>
    public const string CompletedExecution = "66a1f00dbeefcafe00000901";
    public const string ErroredExecution = "66a1f00dbeefcafe00000902";
    public const string RunningExecution = "66a1f00dbeefcafe00000903";
    public const string StoppedExecution = "66a1f00dbeefcafe00000904";
    public const string StoppingExecution = "66a1f00dbeefcafe00000905";
    public const string TimedOutExecution = "66a1f00dbeefcafe00000906";
    public const string EventExecution = "66a1f00dbeefcafe00000907";

    /// <summary>The WAITING form the running refund approval waits on, and the expired one of the timed-out run.</summary>
    public const string WaitingTask = "66a1f00dbeefcafe00001001";
    public const string ExpiredTask = "66a1f00dbeefcafe00001002";

    internal static void SeedWorkflows(DemoSeed seed)
    {
        Publish(seed, ContactSync, "hubspot", "Nightly contact sync", "Copies HubSpot contacts in batches and posts a summary to Slack.", ContactSyncNodes(), versions: 2,
            extra: new JsonObject { ["manual_execution_payload"] = new JsonObject { ["mode"] = "full" } });
        Publish(seed, TicketEscalation, "zendesk", "Escalate urgent ticket", "Fetches a Zendesk ticket and opens a Jira incident for it.", EscalationNodes(), versions: 1,
            extra: new JsonObject
            {
                ["manual_execution_payload"] = new JsonObject { ["ticket_id"] = "4711" },
                ["json_schema"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("ticket_id"),
                    ["properties"] = new JsonObject { ["ticket_id"] = new JsonObject { ["type"] = "string", ["description"] = "Zendesk ticket id" } },
                },
            });
        Publish(seed, RefundApproval, "slack", "Refund approval", "Asks finance to approve a refund, then announces the decision in Slack.", RefundNodes(), versions: 1,
            extra: new JsonObject { ["manual_execution_payload"] = new JsonObject { ["invoice_id"] = "in_1Pa", ["amount"] = 4800, ["reason"] = "Duplicate charge" } });
        Publish(seed, InvoiceAnnouncement, "slack", "Announce paid invoice", "Posts to Slack whenever the invoice_paid event fires.", InvoiceNodes(), versions: 1);
        Publish(seed, LeadRouter, "hubspot", "Lead router", "Looks a lead up in HubSpot by email.", LeadRouterNodes(notify: false), versions: 1,
            extra: new JsonObject { ["workflow_alias"] = "lead-router", ["manual_execution_payload"] = new JsonObject { ["email"] = "jane.doe@example.com" } },
            owner: DemoOrg.GlobexAccount);
        var (nodes, edges) = LeadRouterNodes(notify: true);
        var draft = Workflows.CopyAs(Workflows.Of(seed.Partition).Get(LeadRouter)!, Workflows.Draft, LeadRouter);
        draft["_id"] = LeadRouterDraft;
        draft["nodes"] = nodes;
        draft["edges"] = edges;
        draft["description"] = "Looks a lead up in HubSpot by email and tells sales in Slack.";
        Workflows.Of(seed.Partition).Insert(draft);
    }

    internal static void SeedEvents(DemoSeed seed) =>
        seed.Partition.Collection(Collections.CustomEvents).Insert(new JsonObject
        {
            ["_id"] = InvoicePaidEventId,
            ["name"] = InvoicePaidEvent,
            ["response"] = """{"invoice_id":"in_1Pa","amount":4800,"customer":"cus_Q1a2b3c4"}""",
            ["createdAt"] = seed.Ago(TimeSpan.FromDays(20)),
            ["updatedAt"] = seed.Ago(TimeSpan.FromDays(20)),
        });

    internal static void SeedSchedules(DemoSeed seed)
    {
        var schedule = new JsonObject
        {
            ["_id"] = NightlySchedule,
            ["event_id"] = NightlyScheduleEvent,
            ["workflow"] = ContactSync,
            ["config_id"] = DemoOrg.GlobexAccount,
            ["linked_account_id"] = DemoOrg.GlobexAccount,
            ["environment"] = seed.Partition.Environment,
            ["org_id"] = seed.Org.Id,
            ["trigger_type"] = "cron",
            ["cron_patten"] = "0 2 * * *",
            ["trigger_interval"] = new JsonArray(),
            ["status"] = "running",
            ["inactive"] = false,
            ["registered_by_api"] = true,
            ["options"] = new JsonObject { ["tz"] = "UTC", ["trigger_type"] = "cron" },
            ["payload"] = new JsonObject { ["mode"] = "incremental" },
            ["createdAt"] = seed.Ago(TimeSpan.FromDays(25)),
            ["updatedAt"] = seed.Ago(TimeSpan.FromDays(25)),
        };
        ScheduleFiring.PlanNext(schedule, seed.State.Now);
        seed.Partition.Collection(Collections.Schedules).Insert(schedule);
    }

    internal static void SeedExecutions(DemoSeed seed)
    {
        var globex = DemoOrg.GlobexAccount;
        Insert(seed, Simulate(seed, CompletedExecution, ContactSync, globex, TimeSpan.FromHours(10), new JsonObject { ["mode"] = "incremental" },
            source: Executions.BySchedule, eventId: NightlyScheduleEvent));
        Insert(seed, Simulate(seed, ErroredExecution, TicketEscalation, globex, TimeSpan.FromHours(1), new JsonObject { ["ticket_id"] = "4711" }));
        Insert(seed, Simulate(seed, EventExecution, InvoiceAnnouncement, globex, TimeSpan.FromHours(3),
            new JsonObject { ["invoice_id"] = "in_1Pa", ["amount"] = 4800, ["customer"] = "cus_Q1a2b3c4" }, source: Executions.ByEvent, eventId: InvoicePaidEventId));

        // Waits at the human task: submit_human_task lets it finish.
        var running = Simulate(seed, RunningExecution, RefundApproval, globex, TimeSpan.FromMinutes(30),
            new JsonObject { ["invoice_id"] = "in_1Pa", ["amount"] = 4800, ["reason"] = "Duplicate charge" }, until: e => Entered(e) == 2);
        Insert(seed, running);
        Rekey(seed, running, WaitingTask);

        // Initech never answered its form: it expired after 7 days.
        var timedOut = Simulate(seed, TimedOutExecution, RefundApproval, DemoOrg.InitechAccount, TimeSpan.FromDays(8),
            new JsonObject { ["invoice_id"] = "in_1Pb", ["amount"] = 1250, ["reason"] = "Cancelled order" });
        Insert(seed, timedOut);
        Rekey(seed, timedOut, ExpiredTask);

        // Stopped while syncing batches.
        var stopped = Simulate(seed, StoppedExecution, ContactSync, globex, TimeSpan.FromDays(1), new JsonObject { ["mode"] = "full" }, until: e => Entered(e) == 3);
        stopped["status"] = Executions.Stopping;
        Continue(seed, stopped, seed.State.Now - TimeSpan.FromDays(1) + TimeSpan.FromSeconds(6));
        Insert(seed, stopped);

        // A stop that never completed (the emulator leaves this one STOPPING).
        var stopping = Simulate(seed, StoppingExecution, ContactSync, globex, TimeSpan.FromMinutes(5), new JsonObject { ["mode"] = "full" }, until: e => Entered(e) == 3);
        stopping["status"] = Executions.Stopping;
        ((JsonObject)stopping[Executions.EngineKey]!).Remove("wake_ms");
        Insert(seed, stopping);
    }

    private static void Publish(DemoSeed seed, string id, string slug, string name, string description, (JsonArray Nodes, JsonArray Edges) graph, int versions,
        JsonObject? extra = null, string? owner = null)
    {
        var workflows = Workflows.Of(seed.Partition);
        var fields = extra ?? [];
        fields["description"] = description;
        fields["nodes"] = graph.Nodes;
        fields["edges"] = graph.Edges;
        var parent = Workflows.NewParent(seed.Partition, Workflows.App(slug, seed.Org)!, name, owner, fields);
        parent["_id"] = id;
        parent["published"] = true;
        parent["current_version"] = versions;
        parent["createdAt"] = seed.Ago(TimeSpan.FromDays(30));
        parent["updatedAt"] = seed.Ago(TimeSpan.FromDays(30 - versions));
        workflows.Insert(parent);
        for (var version = 1; version <= versions; version++)
        {
            var snapshot = Workflows.CopyAs(parent, Workflows.Version, id);
            snapshot["version"] = version;
            snapshot["createdAt"] = seed.Ago(TimeSpan.FromDays(31 - version));
            workflows.Insert(snapshot);
        }
    }

    private static JsonObject Simulate(DemoSeed seed, string id, string workflowId, string account, TimeSpan ago, JsonObject payload,
        string source = Executions.ByApiCall, string? eventId = null, Func<JsonObject, bool>? until = null)
    {
        var at = seed.State.Now - ago;
        var execution = Executions.New(
            new Executions.StartRequest
            {
                Workflow = Workflows.Of(seed.Partition).Get(workflowId)!,
                LinkedAccountId = account,
                Source = source,
                Payload = payload,
                EventId = eventId,
            },
            at);
        execution["_id"] = id;
        execution["createdAt"] = EmulatorState.Iso(at);
        Continue(seed, execution, at, until);
        return execution;
    }

    // Runs the engine's steps on a simulated clock from `from` until the run waits past `until`'s condition or ends.
    private static void Continue(DemoSeed seed, JsonObject execution, DateTimeOffset from, Func<JsonObject, bool>? until = null)
    {
        var steps = new ExecutionSteps(seed.State);
        var at = from;
        while (Executions.IsActive(execution.Str("status")) && Executions.WakeMs(execution) is { } wake && !(until?.Invoke(execution) ?? false))
        {
            at = DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(wake, at.ToUnixTimeMilliseconds()));
            steps.Advance(seed.Partition, execution, at, []);
        }

        execution["updatedAt"] = EmulatorState.Iso(at);
    }

    private static void Insert(DemoSeed seed, JsonObject execution) => Executions.Of(seed.Partition).Insert(execution);

    // Gives the human task a run created a documented id, and points the run at it.
    private static void Rekey(DemoSeed seed, JsonObject execution, string taskId)
    {
        var tasks = seed.Partition.Collection(Collections.HumanTasks);
        var task = tasks.FindOne(t => Doc.Is(t, "instance_id", execution.Str("_id")))!;
        var oldId = task.Str("_id")!;
        tasks.Delete(oldId);
        task["_id"] = taskId;
        tasks.Insert(task);
        var text = Executions.Of(seed.Partition).Get(execution.Str("_id")!)!.ToJsonString().Replace(oldId, taskId, StringComparison.Ordinal);
        var rekeyed = JsonNode.Parse(text)!.AsObject();
        Executions.Of(seed.Partition).Update(execution.Str("_id")!, live =>
        {
            live.Clear();
            foreach (var (key, value) in rekeyed)
            {
                live[key] = value?.DeepClone();
            }
        });
    }

    private static int Entered(JsonObject execution) => (execution["nodes"] as JsonArray)?.Count ?? 0;

    private static JsonObject Node(string id, string type, string name, JsonObject? data = null) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["name"] = name,
        ["data"] = data ?? new JsonObject(),
    };

    private static JsonObject Action(string slug, string action, JsonObject inputs, int durationMs, int maxAttempts = 1, int retryDelayMs = 1000) => new()
    {
        ["slug"] = slug,
        ["action_id"] = action,
        ["inputs"] = inputs,
        ["duration_ms"] = durationMs,
        ["max_attempts"] = maxAttempts,
        ["retry_delay_ms"] = retryDelayMs,
    };

    // A straight line of nodes: 1 → 2 → 3 ...
    private static (JsonArray, JsonArray) Chain(params JsonObject[] nodes) =>
        (new JsonArray([.. nodes]), new JsonArray([.. nodes.Zip(nodes.Skip(1), (a, b) => (JsonNode)new JsonObject { ["source"] = a["id"]!.DeepClone(), ["target"] = b["id"]!.DeepClone() })]));

    private static (JsonArray, JsonArray) ContactSyncNodes() => Chain(
        Workflows.StartNode(),
        Node("2", "action", "Fetch HubSpot contacts", Action("hubspot", "list_contacts", [], 4000)),
        Node("3", "batch", "Sync contacts in batches", new JsonObject { ["items"] = "{{node.2.contacts}}", ["batch_size"] = 2, ["duration_ms"] = 3000 }),
        Node("4", "action", "Post summary to Slack", Action("slack", "send_message", new JsonObject { ["channel"] = "C02ALERTS", ["text"] = "Synced {{node.3.processed}} HubSpot contacts" }, 2000)),
        Node("5", "response", "Response", new JsonObject { ["body"] = new JsonObject { ["synced"] = "{{node.3.processed}}", ["batches"] = "{{node.3.batches}}", ["slack_message"] = "{{node.4.message.id}}" } }));

    private static (JsonArray, JsonArray) EscalationNodes() => Chain(
        Workflows.StartNode(),
        Node("2", "action", "Fetch ticket", Action("zendesk", "get_ticket", new JsonObject { ["ticket_id"] = "{{payload.ticket_id}}" }, 1500)),
        Node("3", "action", "Open Jira incident", Action("jira", "create_issue", new JsonObject
        {
            ["project_key"] = "OPS",
            ["summary"] = "Escalated: {{node.2.ticket.subject}}",
            ["issue_type"] = "Incident",
        }, 2000, maxAttempts: 3, retryDelayMs: 2000)),
        Node("4", "response", "Response", new JsonObject { ["body"] = new JsonObject { ["jira_issue"] = "{{node.3.issue.id}}" } }));

    private static (JsonArray, JsonArray) RefundNodes() => Chain(
        Workflows.StartNode(),
        Node("2", "human_task", "Approve refund", new JsonObject
        {
            ["name"] = "Approve refund",
            ["description"] = "Finance checks the refund request and approves or rejects it.",
            ["form_structure"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("approve"),
                ["properties"] = new JsonObject
                {
                    ["invoice_id"] = new JsonObject { ["type"] = "string", ["title"] = "Invoice", ["readOnly"] = true },
                    ["amount"] = new JsonObject { ["type"] = "number", ["title"] = "Amount (cents)", ["readOnly"] = true },
                    ["approve"] = new JsonObject { ["type"] = "boolean", ["title"] = "Approve the refund?" },
                    ["comment"] = new JsonObject { ["type"] = "string", ["title"] = "Comment" },
                },
            },
            ["ui_structure"] = new JsonObject { ["approve"] = new JsonObject { ["ui:widget"] = "radio" }, ["comment"] = new JsonObject { ["ui:widget"] = "textarea" } },
            ["data"] = new JsonObject { ["invoice_id"] = "{{payload.invoice_id}}", ["amount"] = "{{payload.amount}}" },
            ["receiver_emails"] = new JsonArray("finance@globex.example.com"),
            ["expire_after_s"] = 7 * 24 * 3600,
        }),
        Node("3", "action", "Announce decision", Action("slack", "send_message", new JsonObject
        {
            ["channel"] = "C01GENERAL",
            ["text"] = "Refund of {{payload.invoice_id}}: approved={{node.2.approve}} {{node.2.comment}}",
        }, 1000)),
        Node("4", "response", "Response", new JsonObject { ["body"] = new JsonObject { ["invoice_id"] = "{{payload.invoice_id}}", ["approved"] = "{{node.2.approve}}" } }));

    private static (JsonArray, JsonArray) LeadRouterNodes(bool notify) => notify
        ? Chain(
            Workflows.StartNode(),
            Node("2", "action", "Find the lead", Action("hubspot", "search_contacts", new JsonObject { ["query"] = "{{payload.email}}" }, 800)),
            Node("3", "action", "Tell sales", Action("slack", "send_message", new JsonObject { ["channel"] = "C01GENERAL", ["text"] = "New lead {{payload.email}}" }, 500)),
            Node("4", "response", "Response", new JsonObject { ["body"] = new JsonObject { ["matches"] = "{{node.2.total}}" } }))
        : Chain(
            Workflows.StartNode(),
            Node("2", "action", "Find the lead", Action("hubspot", "search_contacts", new JsonObject { ["query"] = "{{payload.email}}" }, 800)),
            Node("3", "response", "Response", new JsonObject { ["body"] = new JsonObject { ["matches"] = "{{node.2.total}}" } }));

    private static (JsonArray, JsonArray) InvoiceNodes() => Chain(
        Workflows.StartNode("Event", InvoicePaidEvent),
        Node("2", "action", "Post to #general", Action("slack", "send_message", new JsonObject
        {
            ["channel"] = "C01GENERAL",
            ["text"] = "Invoice {{payload.invoice_id}} was paid ({{payload.amount}} cents)",
        }, 500)),
        Node("3", "response", "Response", new JsonObject { ["body"] = new JsonObject { ["announced"] = true, ["invoice_id"] = "{{payload.invoice_id}}" } }));
}
