using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Schedule: register, change, pause, resume and delete cron or interval schedules that run a workflow for a linked account.</summary>
public static class Schedules
{
    public static OperationGroup Group { get; } = new("schedules", "Schedule", "Run a workflow automatically for a linked account on a cron expression or at set date/times, and list, change, pause, resume or delete those schedules.");

    /// <summary>When a schedule fires and what it passes: the same fields on register_schedule and update_schedule.</summary>
    private static Parameter[] When { get; } =
    [
        Param.Body("interval_dates", "[{day, month, year, hour, minute}].", ParameterType.ObjectArray),
        Param.Body("startDate", "YYYY-MM-DD."),
        Param.Body("endDate", "YYYY-MM-DD."),
        Param.Body("tz", "IANA zone."),
        Param.Body("payload", "", ParameterType.Object),
    ];

    public static Operation ListSchedules { get; } = new()
    {
        Name = "list_schedules",
        Group = Group,
        Title = "List schedules",
        Description = "Pages through one linked account's schedules and their status.",
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
        Description = "Makes a workflow run on a cron (trigger_type cron + regex) or at set moments (interval + interval_dates).",
        Method = HttpMethod.Post,
        Route = "/api/v1/workflow/public/scheduled",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.SlugHeader(),
            Param.Header("workflow_id_alias", "Or its alias.", required: true),
            Param.Header("config_id", "Default: account id.", required: true) with { DescribedOnce = true },
            Param.Body("trigger_type", "", ParameterType.String, required: true) with { Enum = ["cron", "interval"] },
            Param.Body("regex", "Cron, e.g. '30 6 * * 1-5'."),
            .. When,
        ],
    };

    public static Operation UpdateSchedule { get; } = new()
    {
        Name = "update_schedule",
        Group = Group,
        Title = "Update a schedule",
        Description = "Changes a schedule's cron or dates, window, time zone or payload; send only what changes.",
        Method = HttpMethod.Put,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "").From("list_schedules"),
            Param.Body("trigger_type", "") with { Enum = ["cron", "interval"] },
            Param.Body("regex", "Cron expression."),
            .. When,
        ],
    };

    public static Operation DeleteSchedule { get; } = new()
    {
        Name = "delete_schedule",
        Group = Group,
        Title = "Delete a schedule",
        Description = "Removes a schedule for good so its workflow stops firing; pause_schedule stops it for a while.",
        Method = HttpMethod.Delete,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "").From("list_schedules"),
        ],
    };

    public static Operation PauseSchedule { get; } = new()
    {
        Name = "pause_schedule",
        Group = Group,
        Title = "Pause a schedule",
        Description = "Suspends a schedule without deleting it, so it stops firing until resume_schedule.",
        Method = HttpMethod.Put,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}/pause",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "").From("list_schedules"),
        ],
    };

    public static Operation ResumeSchedule { get; } = new()
    {
        Name = "resume_schedule",
        Group = Group,
        Title = "Resume a schedule",
        Description = "Reactivates a schedule stopped with pause_schedule so it fires again on its plan.",
        Method = HttpMethod.Put,
        Route = "/api/v1/workflow/public/scheduled/{schedule_id}/resume",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("schedule_id", "").From("list_schedules"),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListSchedules, RegisterSchedule, UpdateSchedule, DeleteSchedule, PauseSchedule, ResumeSchedule];
}
