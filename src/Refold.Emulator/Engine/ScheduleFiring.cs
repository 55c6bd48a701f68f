using System.Text.Json.Nodes;
using Refold.Emulator.State;

namespace Refold.Emulator.Engine;

/// <summary>
/// Fires due schedules (<see cref="Collections.Schedules"/>): each firing starts an execution of the scheduled workflow
/// (source Schedule) for the schedule's linked account with its payload, then moves the schedule's private
/// <see cref="NextRunKey"/> to its next occurrence. A paused schedule, or one whose workflow is gone or unpublished, does not run.
/// </summary>
internal static class ScheduleFiring
{
    public const string NextRunKey = "_next_run_ms";

    /// <summary>Sets the schedule's next firing after <paramref name="after"/> (removes it when there is none).</summary>
    public static void PlanNext(JsonObject schedule, DateTimeOffset after)
    {
        if (ScheduleTimes.Next(schedule, after) is { } next)
        {
            schedule[NextRunKey] = next.ToUnixTimeMilliseconds();
        }
        else
        {
            schedule.Remove(NextRunKey);
        }
    }

    public static void FireDue(Partition partition, DateTimeOffset now, EmulatorState state)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var schedules = partition.Collection(Collections.Schedules);
        foreach (var schedule in schedules.Find(s => IsRunning(s) && Numbers.Long(s[NextRunKey]) <= nowMs))
        {
            state.Atomically(() =>
            {
                var workflow = Workflows.Of(partition).Get(schedule.Str("workflow") ?? "");
                var accountId = schedule.Str("linked_account_id")!;
                var accountExists = partition.Collection(Collections.LinkedAccounts).FindOne(a => Doc.Is(a, "account_id", accountId)) is not null;
                if (workflow is not null && Workflows.Kind(workflow) == Workflows.Parent && workflow.Bool("published") == true && accountExists)
                {
                    Executions.Of(partition).Insert(Executions.New(
                        new Executions.StartRequest
                        {
                            Workflow = workflow,
                            LinkedAccountId = accountId,
                            ConfigId = schedule.Str("config_id"),
                            Source = Executions.BySchedule,
                            Payload = schedule["payload"]?.DeepClone() ?? new JsonObject(),
                            EventId = schedule.Str("event_id"),
                        },
                        now));
                }

                schedules.Update(schedule.Str("_id")!, s => PlanNext(s, now));
            });
        }
    }

    /// <summary>The earliest next firing of the partition's running schedules (unix ms), or null.</summary>
    public static long? NextDueMs(Partition partition) =>
        partition.Collection(Collections.Schedules).Find(IsRunning).Select(s => Numbers.Long(s[NextRunKey])).Min();

    private static bool IsRunning(JsonObject schedule) => schedule.Str("status") == "running" && schedule[NextRunKey] is not null;
}
