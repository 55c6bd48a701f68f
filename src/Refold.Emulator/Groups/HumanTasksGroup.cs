using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Refold.Emulator.Core;
using Refold.Emulator.Engine;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Human tasks: the public (credential-free) read and submission of the forms human_task nodes create. The id is the
/// secret, so a task is found in whichever org holds it. Submitting lets the waiting execution carry on.
/// </summary>
internal sealed class HumanTasksGroup : EmulatorGroup
{
    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.HumanTasks.GetHumanTask, req => HumanTaskForms.Public(Find(req).Task));
        routes.Map(Ops.HumanTasks.SubmitHumanTask, Submit);
    }

    private static EmulatorResult Submit(EmulatorRequest req)
    {
        var (partition, task) = Find(req);
        var status = task.Str("status");
        if (status == HumanTaskForms.Submitted)
        {
            throw req.BadRequest("Form has already been submitted");
        }

        if (status == HumanTaskForms.Timeout)
        {
            throw req.BadRequest("Form has expired");
        }

        var answers = (JsonObject)req.Fields["data"]!;
        if (HumanTaskForms.Check(task, answers) is { } problem)
        {
            throw req.BadRequest(problem);
        }

        var id = task.Str("_id")!;
        var accepted = partition.Collection(Collections.HumanTasks).UpdateOne(
            t => Doc.Is(t, "_id", id) && t.Str("status") == HumanTaskForms.Waiting,
            t =>
            {
                var data = t["data"] as JsonObject ?? [];
                foreach (var (key, value) in answers)
                {
                    data[key] = value?.DeepClone();
                }

                t["data"] = data.DeepClone();
                t["status"] = HumanTaskForms.Submitted;
                t["submitted_at"] = req.Timestamp;
            });
        if (accepted is null)
        {
            throw req.BadRequest("Form has already been submitted");
        }

        if (task.Str("instance_id") is { } execution)
        {
            req.Services.GetRequiredService<WorkflowEngine>().Wake(partition, execution);
        }

        return new JsonObject { ["message"] = "Form submitted successfully" };
    }

    // The task in whichever partition holds it; an expired WAITING form reads as TIMEOUT.
    private static (Partition Partition, JsonObject Task) Find(EmulatorRequest req)
    {
        var id = req.Route("id");
        foreach (var partition in req.State.Partitions)
        {
            var tasks = partition.Collection(Collections.HumanTasks);
            if (tasks.Get(id) is not { } task)
            {
                continue;
            }

            if (task.Str("status") == HumanTaskForms.Waiting && req.Now >= HumanTaskForms.ExpiresAt(task))
            {
                task = tasks.Update(id, t => t["status"] = HumanTaskForms.Timeout)!;
            }

            return (partition, task);
        }

        throw req.NotFound("Specified Form Not Found", "SERVER_ERROR");
    }
}
