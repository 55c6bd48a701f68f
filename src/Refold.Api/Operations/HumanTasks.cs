using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Human Tasks: TODO one line.</summary>
public static class HumanTasks
{
    public static OperationGroup Group { get; } = new("human_tasks", "Human Tasks", "TODO");

    public static Operation GetHumanTask { get; } = new()
    {
        Name = "get_human_task",
        Group = Group,
        Title = "TODO",
        Description = "Public (no auth) read of a human-in-the-loop form produced by a workflow step; internal ids are stripped. The task id acts as the secret.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/human-tasks/{id}",
        Auth = AuthLevel.None,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("id", "Human task _id."),
        ],
    };

    public static Operation SubmitHumanTask { get; } = new()
    {
        Name = "submit_human_task",
        Group = Group,
        Title = "TODO",
        Description = "Public (no auth) submission of the form answers; validated against the form schema; resumes the paused workflow.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/human-tasks/{id}",
        Auth = AuthLevel.None,
        Hints = new(ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: true),
        Parameters =
        [
            Param.Path("id", "Human task _id."),
            Param.Body("data", "Answers keyed by form_structure property.", ParameterType.Object, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [GetHumanTask, SubmitHumanTask];
}
