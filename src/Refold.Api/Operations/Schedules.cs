using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Schedule: TODO one line.</summary>
public static class Schedules
{
    public static OperationGroup Group { get; } = new("schedules", "Schedule", "TODO");

    public static Operation ListSchedules { get; } = new()
    {
        Name = "list_schedules",
        Group = Group,
        Title = "TODO",
        Description = "Page through cron/interval schedules registered for a linked account (note the /api/v1 prefix).",
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
        Title = "TODO",
        Description = "Create a schedule that fires a workflow on a cron expression or at listed date/times.",
        Method = HttpMethod.Post,
        Route = "/api/v1/workflow/public/scheduled",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Header("slug", "App slug of the workflow.", required: true),
            Param.Header("workflow_id_alias", "Workflow id or alias to run.", required: true),
            Param.Header("config_id", "Config to run under (spec marks required; described as defaulting to the linked account id).", required: true),
            Param.Body("trigger_type", "cron | interval.", ParameterType.String, required: true),
            Param.Body("regex", "Cron expression (cron type); stored as cron_patten."),
            Param.Body("interval_dates", "Interval type: [{day, month, year, hour, minute}] (v3). v2 docs nest as [{date:{day,month,year,hour,minute,second}, tz}].", ParameterType.ObjectArray),
            Param.Body("startDate", "YYYY-MM-DD earliest run date."),
            Param.Body("endDate", "YYYY-MM-DD last run date."),
            Param.Body("tz", "IANA zone, e.g. UTC."),
            Param.Body("payload", "Event payload given to each run (v2 docs: required).", ParameterType.Object),
            Param.Body("currentDate", "v2 docs only (YYYY-MM-DD); not in the v3 spec."),
        ],
    };

    public static Operation UpdateSchedule { get; } = new()
    {
        Name = "update_schedule",
        Group = Group,
        Title = "TODO",
        Description = "Change a schedule's cron/interval definition, date window, time zone or payload.",
        Method = HttpMethod.Put,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "Schedule _id."),
            Param.Body("trigger_type", "cron | interval."),
            Param.Body("regex", "Cron expression (cron type); stored as cron_patten."),
            Param.Body("interval_dates", "Interval type: [{day, month, year, hour, minute}] (v3). v2 docs nest as [{date:{day,month,year,hour,minute,second}, tz}].", ParameterType.ObjectArray),
            Param.Body("startDate", "YYYY-MM-DD earliest run date."),
            Param.Body("endDate", "YYYY-MM-DD last run date."),
            Param.Body("tz", "IANA zone, e.g. UTC."),
            Param.Body("payload", "Event payload given to each run (v2 docs: required).", ParameterType.Object),
            Param.Body("currentDate", "v2 docs only (YYYY-MM-DD); not in the v3 spec."),
        ],
    };

    public static Operation DeleteSchedule { get; } = new()
    {
        Name = "delete_schedule",
        Group = Group,
        Title = "TODO",
        Description = "Remove a schedule for good and deregister its job.",
        Method = HttpMethod.Delete,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "Schedule _id."),
        ],
    };

    public static Operation PauseSchedule { get; } = new()
    {
        Name = "pause_schedule",
        Group = Group,
        Title = "TODO",
        Description = "Stop a schedule from firing but keep it (status=paused, inactive=true).",
        Method = HttpMethod.Put,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}/pause",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "Schedule _id."),
        ],
    };

    public static Operation ResumeSchedule { get; } = new()
    {
        Name = "resume_schedule",
        Group = Group,
        Title = "TODO",
        Description = "Re-activate a paused schedule (status=running, inactive=false).",
        Method = HttpMethod.Put,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}/resume",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "Schedule _id."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListSchedules, RegisterSchedule, UpdateSchedule, DeleteSchedule, PauseSchedule, ResumeSchedule];
}
