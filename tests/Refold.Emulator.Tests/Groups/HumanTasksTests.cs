using System.Text.Json.Nodes;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests.Groups;

public sealed class HumanTasksTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private static string TaskPath(string id) => $"api/v2/public/human-tasks/{id}";

    [Fact]
    public async Task GetHumanTask_NoCredential_ShowsTheFormWithoutInternalLinks()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, task, _) = await f.RawAsync(HttpMethod.Get, TaskPath(DemoWorkflows.WaitingTask));
        Assert.Equal(200, status);
        Assert.Equal(("Approve refund", "WAITING"), (task.S("name"), task.S("status")));
        Assert.Equal("in_1Pa", task!["data"].S("invoice_id"));
        Assert.Equal(4800, task["data"]!["amount"]!.GetValue<int>());
        Assert.Equal("approve", task["form_structure"]!["required"]![0]!.GetValue<string>());
        foreach (var hidden in new[] { "instance_id", "node_id", "org_id", "delayed_job_id", "associated_form_id" })
        {
            Assert.Null(task[hidden]);
        }

        var (expired, old, _) = await f.RawAsync(HttpMethod.Get, TaskPath(DemoWorkflows.ExpiredTask));
        Assert.Equal((200, "TIMEOUT"), (expired, old.S("status")));
    }

    [Fact]
    public async Task GetHumanTask_Unknown_Is404SpecifiedFormNotFound()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Get, TaskPath("66a1f00dbeefcafe00001999"));
        Assert.Equal(404, status);
        Assert.Equal("""{"status_code":404,"http_error_type":"NOT_FOUND","error_code":"SERVER_ERROR","message":"Specified Form Not Found"}""", body!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"comment":"no decision"}""", "approve is required")]
    [InlineData("""{"approve":"yes"}""", "approve must be of type boolean")]
    [InlineData("""{"approve":true,"amount":1}""", "amount is read-only")]
    [InlineData("""{"approve":true,"bonus":5}""", "bonus is not a field of this form")]
    public async Task SubmitHumanTask_AnswersThatDoNotFitTheForm_Are400(string answers, string message)
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, TaskPath(DemoWorkflows.WaitingTask), body: Js.O(("data", JsonNode.Parse(answers))));
        Assert.Equal(400, status);
        Assert.Equal(message, body.S("message"));
        Assert.Equal("SERVER_ERROR", body.S("error_code"));
        Assert.Equal("WAITING", (await f.RawAsync(HttpMethod.Get, TaskPath(DemoWorkflows.WaitingTask))).Body.S("status"));
    }

    [Fact]
    public async Task SubmitHumanTask_Waiting_LetsTheExecutionFinish_ASecondSubmitIs400()
    {
        await using var f = await emulator.FreshOrgAsync();
        var answer = await f.Org().SendAsync("submit_human_task", Js.O(("id", DemoWorkflows.WaitingTask), ("data", Js.O(("approve", true), ("comment", "duplicate charge confirmed")))));
        Assert.Equal("Form submitted successfully", answer.S("message"));

        var resumed = await f.RunAsync(DemoWorkflows.RunningExecution);
        Assert.Equal(["Success", "Success", "Ready"], resumed.NodeStatuses());
        Assert.True(resumed.Node("2")!["latest_output"]!["approve"]!.GetValue<bool>());

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        var done = await f.RunAsync(DemoWorkflows.RunningExecution);
        Assert.Equal("COMPLETED", done.S("status"));
        Assert.Equal("""{"invoice_id":"in_1Pa","approved":true}""", done["return_value"]!.ToJsonString());
        Assert.Equal("Refund of in_1Pa: approved=true duplicate charge confirmed", done.Node("3")!["input_data"].S("text"));

        var (status, body, _) = await f.RawAsync(HttpMethod.Post, TaskPath(DemoWorkflows.WaitingTask), body: Js.O(("data", Js.O(("approve", false)))));
        Assert.Equal((400, "Form has already been submitted"), (status, body.S("message")));
        Assert.Equal("SUBMITTED", (await f.RawAsync(HttpMethod.Get, TaskPath(DemoWorkflows.WaitingTask))).Body.S("status"));
    }

    [Fact]
    public async Task HumanTask_NotAnsweredBeforeItExpires_TimesTheExecutionOut()
    {
        await using var f = await emulator.FreshOrgAsync();
        var id = (await f.ExecuteAsync(DemoWorkflows.RefundApproval, "slack", Js.O(("invoice_id", "in_1Pb"), ("amount", 1250))))!.S("execution_id")!;
        f.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var waiting = await f.RunAsync(id);
        Assert.Equal(["Success", "Waiting"], waiting.NodeStatuses());
        var taskId = waiting.Node("2")!["input_data"].S("human_task_id")!;
        Assert.Equal("in_1Pb", (await f.RawAsync(HttpMethod.Get, TaskPath(taskId))).Body!["data"].S("invoice_id"));

        f.Clock.Advance(TimeSpan.FromDays(7));
        var run = await f.RunAsync(id);
        Assert.Equal("TIMED_OUT", run.S("status"));
        Assert.Equal(["Success", "Timed_Out"], run.NodeStatuses());
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, TaskPath(taskId), body: Js.O(("data", Js.O(("approve", true)))));
        Assert.Equal((400, "Form has expired"), (status, body.S("message")));
        Assert.Equal("TIMEOUT", (await f.RawAsync(HttpMethod.Get, TaskPath(taskId))).Body.S("status"));
    }

    [Fact]
    public async Task SubmitHumanTask_WithoutData_Is400NamingTheField()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, TaskPath(DemoWorkflows.WaitingTask), body: Js.O(("answers", Js.O())));
        Assert.Equal(400, status);
        Assert.Equal("data is required", body.S("message"));
    }
}
