using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Human Tasks: read and answer the human-in-the-loop forms that paused workflows are waiting on.</summary>
public static class HumanTasks
{
    public static OperationGroup Group { get; } = new("human_tasks", "Human Tasks", "Read and answer the human-in-the-loop forms that paused workflows are waiting on.");

    public static Operation GetHumanTask { get; } = new()
    {
        Name = "get_human_task",
        Group = Group,
        Title = "Get a human task",
        Description = "Reads a human-in-the-loop form a run waits on: form_structure (the answers' JSON Schema), status, expiry.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/human-tasks/{id}",
        Auth = AuthLevel.None,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("id", "From list_waiting_human_tasks."),
        ],
    };

    public static Operation SubmitHumanTask { get; } = new()
    {
        Name = "submit_human_task",
        Group = Group,
        Title = "Submit a human task",
        Description = "Answers a waiting human-task form so the run goes on; answers must fit get_human_task's form_structure.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/human-tasks/{id}",
        Auth = AuthLevel.None,
        Hints = new(ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: true),
        OutcomeCheck = new() { Read = "get_human_task", LookFor = "whether the task is still waiting (a second submission is refused with 400)", Arguments = [("id", "id")] },
        Parameters =
        [
            Param.Path("id", "From list_waiting_human_tasks."),
            Param.Body("data", "Answers keyed by form_structure's properties.", ParameterType.Object, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [GetHumanTask, SubmitHumanTask];
}
