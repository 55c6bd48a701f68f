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
        Description = "Reads a human-in-the-loop form that a workflow step is waiting on, in the form shown to the person who answers it. Returns name, description, form_structure (JSON schema of the answers), ui_structure, data, status (WAITING, SUBMITTED or TIMEOUT), expire_in and receiver_emails; 404 if unknown. The task id comes from the workflow that created the form.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/human-tasks/{id}",
        Auth = AuthLevel.None,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("id", "Human task _id, 24 hex characters, e.g. '66a1f00dbeefcafe00001001'."),
        ],
    };

    public static Operation SubmitHumanTask { get; } = new()
    {
        Name = "submit_human_task",
        Group = Group,
        Title = "Submit a human task",
        Description = "Sends the answers for a waiting human-in-the-loop form, which lets the paused workflow continue. Answers are checked against form_structure from get_human_task: missing required fields, changed read-only fields, an expired form or a second submission give 400. Returns {message}.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/human-tasks/{id}",
        Auth = AuthLevel.None,
        Hints = new(ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: true),
        OutcomeCheck = new() { Read = "get_human_task", LookFor = "whether the task is still waiting (a second submission is refused with 400)", Arguments = [("id", "id")] },
        Parameters =
        [
            Param.Path("id", "Human task _id, e.g. '66a1f00dbeefcafe00001001' (see get_human_task)."),
            Param.Body("data", "Answers keyed by the property names in form_structure, e.g. {\"approve\": true, \"comment\": \"ok\"}.", ParameterType.Object, required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [GetHumanTask, SubmitHumanTask];
}
