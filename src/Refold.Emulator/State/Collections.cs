namespace Refold.Emulator.State;

/// <summary>
/// Names of the collections more than one group reads. A group's private collections are named in its own file.
/// </summary>
public static class Collections
{
    /// <summary>Linked accounts (<c>account_id</c>, <c>name</c>, <c>udf</c>, <c>integrations</c> with their secrets).</summary>
    public const string LinkedAccounts = "linked_accounts";

    /// <summary>Webhook subscriptions (read by the webhook delivery service).</summary>
    public const string Webhooks = "webhooks";

    /// <summary>Session tokens issued, with their revocation state.</summary>
    public const string SessionTokens = "session_tokens";

    /// <summary>Audit entries, one per successful write, recorded by the pipeline (see <c>Core.AuditRecorder</c>).</summary>
    public const string AuditLogs = "audit_logs";

    /// <summary>App configs of linked accounts: stored values and workflow switches (see <c>Groups/ConfigScope.cs</c>).</summary>
    public const string Configs = "configs";

    /// <summary>Workflows: parents (the listed, executable record), their drafts and version snapshots (see <c>Engine/Workflows.cs</c>).</summary>
    public const string Workflows = "workflows";

    /// <summary>Workflow executions (instances), with per-node status and the engine's private <c>_engine</c> state.</summary>
    public const string Executions = "executions";

    /// <summary>Human-in-the-loop forms created by human-task nodes.</summary>
    public const string HumanTasks = "human_tasks";

    /// <summary>The custom events (triggers) of the org's default app.</summary>
    public const string CustomEvents = "custom_events";

    /// <summary>Cron and interval schedules that start workflows.</summary>
    public const string Schedules = "schedules";
}
