using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Schedule: register, change, pause, resume and delete cron or interval schedules that run a workflow for a linked account.</summary>
public static class Schedules
{
    public static OperationGroup Group { get; } = new("schedules", "Schedule", "Run a workflow automatically for a linked account on a cron expression or at set date/times, and list, change, pause, resume or delete those schedules.");

    public static Operation ListSchedules { get; } = new()
    {
        Name = "list_schedules",
        Group = Group,
        Title = "List schedules",
        Description = "Page through the schedules registered for one linked account. Use it to find a schedule's _id before update_schedule, pause_schedule, resume_schedule or delete_schedule. Returns a page: docs[] (each with _id, workflow {_id, name}, trigger_type, cron_patten, status running/paused, inactive), totalDocs, hasNextPage.",
        Method = HttpMethod.Get,
        Route = "/api/v1/workflow/public/scheduled",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation RegisterSchedule { get; } = new()
    {
        Name = "register_schedule",
        Group = Group,
        Title = "Register a schedule",
        Description = "Make a workflow run automatically for a linked account, either repeatedly on a cron expression (trigger_type 'cron' + regex) or at listed moments (trigger_type 'interval' + interval_dates). Each call adds another schedule. Returns the new schedule with its _id, cron_patten and status. Needs the workflow's app slug (list_applications) and workflow id or alias (list_workflows).",
        Method = HttpMethod.Post,
        Route = "/api/v1/workflow/public/scheduled",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.SlugHeader(),
            Param.Header("workflow_id_alias", "Workflow _id or alias to run on the schedule (from list_workflows).", required: true),
            Param.Header("config_id", "Config the runs use; normally the linked account id, e.g. 'acct_9001'.", required: true),
            Param.Body("trigger_type", "'cron' for a recurring cron expression, 'interval' for a list of specific date/times.", ParameterType.String, required: true) with { Enum = ["cron", "interval"] },
            Param.Body("regex", "Cron expression when trigger_type is 'cron', e.g. '30 6 * * 1-5'; returned as cron_patten."),
            Param.Body("interval_dates", "Run moments when trigger_type is 'interval': objects {day, month, year, hour, minute}, e.g. [{\"day\":1,\"month\":4,\"year\":2026,\"hour\":9,\"minute\":0}].", ParameterType.ObjectArray),
            Param.Body("startDate", "First date the schedule may fire, YYYY-MM-DD, e.g. '2026-04-01'."),
            Param.Body("endDate", "Last date the schedule may fire, YYYY-MM-DD, e.g. '2026-12-31'."),
            Param.Body("tz", "IANA time zone the times are in, e.g. 'UTC' or 'Europe/Berlin'."),
            Param.Body("payload", "JSON object passed to the workflow as its trigger data on every run.", ParameterType.Object),
        ],
    };

    public static Operation UpdateSchedule { get; } = new()
    {
        Name = "update_schedule",
        Group = Group,
        Title = "Update a schedule",
        Description = "Change an existing schedule: its cron expression or interval dates, the start/end date window, time zone or run payload. Send only the fields to change. Returns the updated schedule. Pass schedule_id, the _id from list_schedules; use pause_schedule rather than this to stop it temporarily.",
        Method = HttpMethod.Put,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "Schedule _id (from list_schedules)."),
            Param.Body("trigger_type", "'cron' for a recurring cron expression, 'interval' for a list of specific date/times.") with { Enum = ["cron", "interval"] },
            Param.Body("regex", "New cron expression when trigger_type is 'cron', e.g. '0 7 * * 1-5'."),
            Param.Body("interval_dates", "New run moments when trigger_type is 'interval': objects {day, month, year, hour, minute}.", ParameterType.ObjectArray),
            Param.Body("startDate", "First date the schedule may fire, YYYY-MM-DD."),
            Param.Body("endDate", "Last date the schedule may fire, YYYY-MM-DD."),
            Param.Body("tz", "IANA time zone the times are in, e.g. 'UTC'."),
            Param.Body("payload", "JSON object passed to the workflow as its trigger data on every run.", ParameterType.Object),
        ],
    };

    public static Operation DeleteSchedule { get; } = new()
    {
        Name = "delete_schedule",
        Group = Group,
        Title = "Delete a schedule",
        Description = "Permanently remove a schedule so its workflow no longer fires; this cannot be undone (use pause_schedule to stop it temporarily). Returns a confirmation message. Pass schedule_id, the _id from list_schedules.",
        Method = HttpMethod.Delete,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "Schedule _id (from list_schedules)."),
        ],
    };

    public static Operation PauseSchedule { get; } = new()
    {
        Name = "pause_schedule",
        Group = Group,
        Title = "Pause a schedule",
        Description = "Suspend a schedule without deleting it, so it stops firing until resume_schedule is called. Returns the schedule with status 'paused' and inactive true. Pass schedule_id, the _id from list_schedules.",
        Method = HttpMethod.Put,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}/pause",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "Schedule _id (from list_schedules)."),
        ],
    };

    public static Operation ResumeSchedule { get; } = new()
    {
        Name = "resume_schedule",
        Group = Group,
        Title = "Resume a schedule",
        Description = "Reactivate a schedule previously stopped with pause_schedule so it fires again. Returns the schedule with status 'running' and inactive false. Pass schedule_id, the _id from list_schedules.",
        Method = HttpMethod.Put,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}/resume",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "Schedule _id (from list_schedules)."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListSchedules, RegisterSchedule, UpdateSchedule, DeleteSchedule, PauseSchedule, ResumeSchedule];
}
