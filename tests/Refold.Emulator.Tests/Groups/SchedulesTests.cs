using System.Text.Json.Nodes;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

/// <summary>Schedules, fired by the engine on the class's fake clock (each test's org starts at noon UTC, <see cref="EmulatorFixture.StartedAt"/>).</summary>
public sealed class SchedulesTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;

    private static JsonObject Cron(string regex, JsonObject? payload = null, string workflow = DemoWorkflows.ContactSync, string slug = "hubspot") => Js.O(
        ("slug", slug), ("workflow_id_alias", workflow), ("config_id", Globex),
        ("trigger_type", "cron"), ("regex", regex), ("payload", payload ?? Js.O(("mode", "delta"))));

    private static async Task<List<string>> FiredAtAsync(EmulatorFixture f, string eventId) =>
        [.. (await f.ExecutionsAsync(Js.O(("execution_source", "SCHEDULE"), ("sortAsc", "true"))))
            .Where(e => e.S("associated_event_id") == eventId)
            .Select(e => e.S("createdAt")!)];

    [Fact]
    public async Task ListSchedules_Account_ShowsItsSchedulesWithTheWorkflowExpanded()
    {
        await using var f = await emulator.FreshOrgAsync();
        var schedule = Assert.Single((await f.Org(Globex).SendAsync("list_schedules")).A("docs"))!;
        Assert.Equal((DemoWorkflows.NightlySchedule, "0 2 * * *", "running"), (schedule.S("_id"), schedule.S("cron_patten"), schedule.S("status")));
        Assert.Equal("Nightly contact sync", schedule["workflow"].S("name"));
        Assert.Equal("HubSpot", schedule["workflow"]!["associated_application"].S("name"));
        Assert.Empty((await f.Org(DemoOrg.InitechAccount).SendAsync("list_schedules")).A("docs"));
    }

    [Fact]
    public async Task Schedules_OrgOnly_RefuseSessionTokensAndNeedTheAccountHeader()
    {
        await using var f = await emulator.FreshOrgAsync();
        var token = await f.TokenForAsync(Globex);
        var (status, _, _) = await f.RawAsync(HttpMethod.Get, "api/v1/workflow/public/scheduled", bearer: token);
        Assert.Equal(401, status);
        var (missing, body, _) = await f.RawAsync(HttpMethod.Get, "api/v1/workflow/public/scheduled", apiKey: f.ApiKey);
        Assert.Equal((400, "linked_account_id is required"), (missing, body.S("message")));
        Assert.Equal("SERVER_ERROR", body.S("error_code"));
    }

    [Fact]
    public async Task RegisterSchedule_Cron_FiresOnTheEmulatorClockWithItsPayload()
    {
        await using var f = await emulator.FreshOrgAsync();
        var schedule = await f.Org(Globex).SendAsync("register_schedule", Cron("*/5 * * * *"));
        Assert.Equal(("*/5 * * * *", "running", false, DemoWorkflows.ContactSync), (schedule.S("cron_patten"), schedule.S("status"), schedule!["inactive"]!.GetValue<bool>(), schedule.S("workflow")));
        var eventId = schedule.S("event_id")!;
        Assert.Empty(await FiredAtAsync(f, eventId));

        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var first = Assert.Single(await FiredAtAsync(f, eventId));
        Assert.Equal(f.Stamp(TimeSpan.FromMinutes(5)), first);

        f.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal([f.Stamp(TimeSpan.FromMinutes(5)), f.Stamp(TimeSpan.FromMinutes(10)), f.Stamp(TimeSpan.FromMinutes(15))], await FiredAtAsync(f, eventId));
        var run = (await f.ExecutionsAsync(Js.O(("execution_source", "SCHEDULE")))).First(e => e.S("associated_event_id") == eventId)!;
        var detail = await f.RunAsync(run.S("_id")!);
        Assert.Equal("delta", detail.Node("1")!["latest_output"]!["payload"].S("mode"));
        Assert.Equal("Schedule", detail.S("trigger_application_event"));
    }

    [Fact]
    public async Task PauseSchedule_StopsTheFiring_ResumeStartsItAgain()
    {
        await using var f = await emulator.FreshOrgAsync();
        var schedule = await f.Org(Globex).SendAsync("register_schedule", Cron("*/5 * * * *"));
        var id = schedule.S("_id");
        var paused = await f.Org(Globex).SendAsync("pause_schedule", Js.O(("schedule_id", id)));
        Assert.Equal(("paused", true), (paused.S("status"), paused!["inactive"]!.GetValue<bool>()));

        f.Clock.Advance(TimeSpan.FromMinutes(12));
        Assert.Empty(await FiredAtAsync(f, schedule.S("event_id")!));

        var resumed = await f.Org(Globex).SendAsync("resume_schedule", Js.O(("schedule_id", id)));
        Assert.Equal(("running", false), (resumed.S("status"), resumed!["inactive"]!.GetValue<bool>()));
        f.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal([f.Stamp(TimeSpan.FromMinutes(15))], await FiredAtAsync(f, schedule.S("event_id")!));
    }

    [Fact]
    public async Task RegisterSchedule_Interval_FiresOnceAtEachMoment()
    {
        await using var f = await emulator.FreshOrgAsync();
        var today = f.StartedAt.UtcDateTime;
        var body = Js.O(("slug", "hubspot"), ("workflow_id_alias", DemoWorkflows.ContactSync), ("config_id", Globex), ("trigger_type", "interval"),
            ("interval_dates", new JsonArray(
                Js.O(("day", today.Day), ("month", today.Month), ("year", today.Year), ("hour", 14), ("minute", 30)),
                Js.O(("date", Js.O(("day", today.Day), ("month", today.Month), ("year", today.Year), ("hour", 13), ("minute", 0), ("second", 0)))))));
        var schedule = await f.Org(Globex).SendAsync("register_schedule", body);
        Assert.Equal(2, schedule.A("trigger_interval").Count);

        f.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal([f.Stamp(TimeSpan.FromHours(1)), f.Stamp(TimeSpan.FromHours(2.5))], await FiredAtAsync(f, schedule.S("event_id")!));
    }

    [Fact]
    public async Task RegisterSchedule_TimeZoneAndWindow_FireAtLocalTimesInsideTheWindow()
    {
        await using var f = await emulator.FreshOrgAsync();
        var body = Cron("0 9 * * *").Also(b =>
        {
            b["tz"] = "Europe/Berlin";
            b["startDate"] = f.Date(2);
            b["endDate"] = f.Date(3);
        });
        var schedule = await f.Org(Globex).SendAsync("register_schedule", body);
        Assert.Equal("Europe/Berlin", schedule!["options"].S("tz"));

        f.Clock.Advance(TimeSpan.FromDays(5));
        // 09:00 in Berlin is 08:00 UTC (CET, +01:00, in the weeks after 27 November that a class's clock covers).
        Assert.Equal([f.Stamp(TimeSpan.FromHours(44)), f.Stamp(TimeSpan.FromHours(68))], await FiredAtAsync(f, schedule.S("event_id")!));
    }

    [Fact]
    public async Task UpdateSchedule_NewCron_ChangesWhenItFires()
    {
        await using var f = await emulator.FreshOrgAsync();
        var schedule = await f.Org(Globex).SendAsync("register_schedule", Cron("*/5 * * * *"));
        var updated = await f.Org(Globex).SendAsync("update_schedule", Js.O(("schedule_id", schedule.S("_id")), ("regex", "0 * * * *"), ("payload", Js.O(("mode", "hourly")))));
        Assert.Equal(("0 * * * *", "hourly"), (updated.S("cron_patten"), updated!["payload"].S("mode")));

        f.Clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal([f.Stamp(TimeSpan.FromHours(1))], await FiredAtAsync(f, schedule.S("event_id")!));
    }

    [Fact]
    public async Task DeleteSchedule_RemovesIt_ThenItIs404AndNeverFires()
    {
        await using var f = await emulator.FreshOrgAsync();
        var schedule = await f.Org(Globex).SendAsync("register_schedule", Cron("*/5 * * * *"));
        var deleted = await f.Org(Globex).SendAsync("delete_schedule", Js.O(("schedule_id", schedule.S("_id"))));
        Assert.Equal("Scheduled Job Deleted Successfully", deleted.S("message"));
        f.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await FiredAtAsync(f, schedule.S("event_id")!));

        var (status, body, _) = await f.RawAsync(HttpMethod.Put, $"api/v1/workflow/public/scheduled/{schedule.S("_id")}/pause", apiKey: f.ApiKey,
            headers: new Dictionary<string, string> { ["linked_account_id"] = Globex });
        Assert.Equal(404, status);
        Assert.Equal("""{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"RESOURCE_NOT_FOUND","message":"Scheduled Job Not Found"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task Schedule_OfAnotherAccount_IsNotFound()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.InitechAccount).SendAsync("pause_schedule", Js.O(("schedule_id", DemoWorkflows.NightlySchedule))));
        Assert.Equal((404, "Scheduled Job Not Found"), (error.StatusCode, error.Message));
    }

    [Theory]
    [InlineData("cron", "regex", "every monday", "regex must be a cron expression such as '30 6 * * 1-5', got 'every monday'")]
    [InlineData("cron", "tz", "Mars/Olympus", "tz must be an IANA time zone such as UTC or Europe/Berlin, got 'Mars/Olympus'")]
    [InlineData("cron", "startDate", "01/12/2026", "startDate must be a date written YYYY-MM-DD, got '01/12/2026'")]
    [InlineData("interval", "regex", "* * * * *", "interval_dates must list the moments to run as {day, month, year, hour, minute} objects")]
    public async Task RegisterSchedule_BadTrigger_Is400(string type, string field, string value, string message)
    {
        await using var f = await emulator.FreshOrgAsync();
        var body = Cron("*/5 * * * *").Also(b =>
        {
            b["trigger_type"] = type;
            b[field] = value;
        });
        var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("register_schedule", body));
        Assert.Equal((400, "SERVER_ERROR", message), (error.StatusCode, error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task RegisterSchedule_PastIntervalOrUnknownWorkflow_IsRefused()
    {
        await using var f = await emulator.FreshOrgAsync();
        var past = Js.O(("slug", "hubspot"), ("workflow_id_alias", DemoWorkflows.ContactSync), ("config_id", Globex), ("trigger_type", "interval"),
            ("interval_dates", new JsonArray(Js.O(("day", 1), ("month", 1), ("year", 2026), ("hour", 9), ("minute", 0)))));
        var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("register_schedule", past));
        Assert.Equal((400, "interval_dates must include at least one moment in the future"), (error.StatusCode, error.Message));

        var unknown = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("register_schedule", Cron("* * * * *", workflow: "66a1f00dbeefcafe00000999")));
        Assert.Equal(404, unknown.StatusCode);
        var foreign = await EmulatorFixture.FailsAsync(f.Org(DemoOrg.InitechAccount).SendAsync("register_schedule", Cron("* * * * *", workflow: "lead-router")));
        Assert.Equal(404, foreign.StatusCode);
        var wrongApp = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("register_schedule", Cron("* * * * *", slug: "slack")));
        Assert.Equal(400, wrongApp.StatusCode);
    }

    [Fact]
    public async Task SeededNightlySchedule_FiresAtTwoUtc()
    {
        await using var f = await emulator.FreshOrgAsync();
        f.Clock.Advance(TimeSpan.FromHours(15));
        var fired = await FiredAtAsync(f, DemoWorkflows.NightlyScheduleEvent);
        Assert.Equal(2, fired.Count);
        Assert.Equal(f.Stamp(TimeSpan.FromHours(14)), fired[^1]);
    }

    [Fact]
    public async Task Schedule_OfAnUnpublishedWorkflow_DoesNotRun()
    {
        await using var f = await emulator.FreshOrgAsync();
        var schedule = await f.Org(Globex).SendAsync("register_schedule", Cron("*/5 * * * *", workflow: "lead-router"));
        var token = await f.TokenForAsync(Globex);
        await f.Session(token).SendAsync("publish_workflow", Js.O(("workflowId", DemoWorkflows.LeadRouter), ("published", false)));
        f.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await FiredAtAsync(f, schedule.S("event_id")!));
    }
}
