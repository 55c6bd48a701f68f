using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Core;
using Refold.Emulator.Engine;
using Refold.Emulator.Seed;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Schedules: cron or interval triggers that start a workflow for a linked account on the emulator's clock
/// (fired by <see cref="WorkflowEngine"/> through <see cref="ScheduleFiring"/>). Every call names its linked account;
/// a schedule of another account is not found.
/// </summary>
internal sealed class SchedulesGroup : EmulatorGroup
{
    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Schedules.ListSchedules, List);
        routes.Map(Ops.Schedules.RegisterSchedule, Register);
        routes.Map(Ops.Schedules.UpdateSchedule, Update);
        routes.Map(Ops.Schedules.DeleteSchedule, Delete);
        routes.Map(Ops.Schedules.PauseSchedule, req => SetRunning(req, false));
        routes.Map(Ops.Schedules.ResumeSchedule, req => SetRunning(req, true));
    }

    public override void Seed(DemoSeed seed) => DemoWorkflows.SeedSchedules(seed);

    private static EmulatorResult List(EmulatorRequest req)
    {
        var account = Account(req);
        var workflows = Workflows.Of(req.Data);
        var org = req.State.FindOrg(req.Caller.OrgId!)!;
        var docs = Schedules(req).Find(s => Doc.Is(s, "linked_account_id", account)).Select(s =>
        {
            var view = Internal.Strip(s);
            if (workflows.Get(s.Str("workflow") ?? "") is { } workflow)
            {
                var app = Workflows.App(workflow.Str("slug") ?? "", org);
                view["workflow"] = new JsonObject
                {
                    ["_id"] = workflow.Str("_id"),
                    ["name"] = workflow.Str("name"),
                    ["associated_application"] = new JsonObject { ["_id"] = app?.Id, ["name"] = app?.Name },
                };
            }

            return (JsonNode?)view;
        }).ToList();
        return Paging.Page(req, docs);
    }

    private static EmulatorResult Register(EmulatorRequest req)
    {
        var account = Account(req);
        var alias = req.Header("workflow_id_alias")!;
        var workflow = Workflows.Find(req.Data, alias, account) is { } found && Workflows.Kind(found) == Workflows.Parent
            ? found
            : throw req.NotFound($"Workflow {alias} not found");
        var slug = req.Header("slug");
        if (slug != workflow.Str("slug"))
        {
            throw req.BadRequest($"Workflow {alias} belongs to application '{workflow.Str("slug")}', not '{slug}'");
        }

        var schedule = new JsonObject
        {
            ["event_id"] = req.State.NewObjectId(),
            ["workflow"] = workflow.Str("_id"),
            ["config_id"] = req.Header("config_id"),
            ["linked_account_id"] = account,
            ["environment"] = req.Caller.Environment,
            ["org_id"] = req.Caller.OrgId,
            ["trigger_interval"] = new JsonArray(),
            ["status"] = "running",
            ["inactive"] = false,
            ["registered_by_api"] = true,
            ["options"] = new JsonObject(),
            ["payload"] = new JsonObject(),
        };
        Apply(req, schedule, req.Fields);
        var created = Schedules(req).Insert(schedule);
        Rearm(req);
        return Internal.Strip(created);
    }

    private static EmulatorResult Update(EmulatorRequest req)
    {
        var schedule = Find(req);
        Apply(req, schedule, req.Fields);
        var updated = Replace(req, schedule);
        Rearm(req);
        return Internal.Strip(updated);
    }

    private static EmulatorResult Delete(EmulatorRequest req)
    {
        Schedules(req).Delete(Find(req).Str("_id")!);
        Rearm(req);
        return new JsonObject { ["message"] = "Scheduled Job Deleted Successfully" };
    }

    private static EmulatorResult SetRunning(EmulatorRequest req, bool running)
    {
        var schedule = Find(req);
        schedule["status"] = running ? "running" : "paused";
        schedule["inactive"] = !running;
        if (running)
        {
            ScheduleFiring.PlanNext(schedule, req.Now);
        }

        var updated = Replace(req, schedule);
        Rearm(req);
        return Internal.Strip(updated);
    }

    // Applies the body's trigger fields to the schedule and checks the result; plans its next firing.
    private static void Apply(EmulatorRequest req, JsonObject schedule, DeclaredBody body)
    {
        var options = schedule["options"] as JsonObject ?? [];
        var type = body.Str("trigger_type") ?? schedule.Str("trigger_type");
        foreach (var key in new[] { "startDate", "endDate", "tz" }.Where(body.ContainsKey))
        {
            options[key] = body[key]?.DeepClone();
        }

        options["trigger_type"] = type;
        schedule["options"] = options.DeepClone();
        schedule["trigger_type"] = type;
        if (body["payload"] is JsonObject payload)
        {
            schedule["payload"] = payload.DeepClone();
        }

        var zone = ScheduleTimes.Zone(options.Str("tz")) ?? throw req.BadRequest($"tz must be an IANA time zone such as UTC or Europe/Berlin, got '{options.Str("tz")}'");
        foreach (var key in new[] { "startDate", "endDate" })
        {
            if (options.Str(key) is { } day && ScheduleTimes.Day(day) is null)
            {
                throw req.BadRequest($"{key} must be a date written YYYY-MM-DD, got '{day}'");
            }
        }

        if (ScheduleTimes.Day(options.Str("startDate")) > ScheduleTimes.Day(options.Str("endDate")))
        {
            throw req.BadRequest("endDate must not be before startDate");
        }

        if (type == "cron")
        {
            var cron = body.Str("regex") ?? schedule.Str("cron_patten") ?? throw req.BadRequest("regex is required when trigger_type is cron");
            if (ScheduleTimes.Cron(cron) is null)
            {
                throw req.BadRequest($"regex must be a cron expression such as '30 6 * * 1-5', got '{cron}'");
            }

            schedule["cron_patten"] = cron;
            schedule["trigger_interval"] = new JsonArray();
        }
        else
        {
            var dates = body["interval_dates"] as JsonArray ?? schedule["trigger_interval"] as JsonArray;
            var moments = ScheduleTimes.Moments(dates, zone);
            if (dates is null || dates.Count == 0 || moments is null)
            {
                throw req.BadRequest("interval_dates must list the moments to run as {day, month, year, hour, minute} objects");
            }

            if (!moments.Any(m => m > req.Now))
            {
                throw req.BadRequest("interval_dates must include at least one moment in the future");
            }

            schedule["trigger_interval"] = dates.DeepClone();
            schedule.Remove("cron_patten");
        }

        ScheduleFiring.PlanNext(schedule, req.Now);
    }

    private static string Account(EmulatorRequest req)
    {
        var account = req.RequireLinkedAccountId();
        req.FindLinkedAccount(account);
        return account;
    }

    private static JsonObject Find(EmulatorRequest req)
    {
        var account = Account(req);
        var id = req.Route("schedule_id");
        return Schedules(req).FindOne(s => Doc.Is(s, "_id", id) && Doc.Is(s, "linked_account_id", account))
            ?? throw req.NotFound("Scheduled Job Not Found");
    }

    private static JsonObject Replace(EmulatorRequest req, JsonObject schedule) =>
        Schedules(req).Update(schedule.Str("_id")!, live =>
        {
            live.Clear();
            foreach (var (key, value) in schedule)
            {
                live[key] = value?.DeepClone();
            }
        }) ?? throw req.NotFound("Scheduled Job Not Found");

    private static DocumentCollection Schedules(EmulatorRequest req) => req.Data.Collection(Collections.Schedules);

    // The engine's timer must learn about a changed next firing.
    private static void Rearm(EmulatorRequest req) => req.Services.GetRequiredService<WorkflowEngine>().Pump(advanceNow: false);
}
