using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Tests;

/// <summary>
/// Inputs Refold's document allows that the emulator used to refuse or mangle (found by an OpenAPI fuzzer):
/// multipart event triggers, header bytes that are not UTF-8, null udf values, date-time offsets beyond ±14:00.
/// </summary>
public sealed class DocumentedFormsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    private const string Globex = DemoOrg.GlobexAccount;

    [Fact]
    public async Task TriggerEvent_MultipartFormBody_StartsTheRunWithThePayload()
    {
        await using var f = await emulator.FreshOrgAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("invoice_paid"), "event" },
            { new StringContent("""{"invoice_id":"in_9","amount":5}"""), "payload" },
        };
        var receipt = new ByteArrayContent([1, 2, 3]);
        receipt.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(receipt, "receipt", "receipt.pdf");

        var (status, body) = await PostFormAsync(f, "api/v2/public/event/trigger", form);

        Assert.Equal((200, """{"message":"Webhook Fired Success"}"""), (status, body));
        var run = Assert.Single(await f.ExecutionsAsync(Js.O(("execution_source", "Event"))), e => e.S("_id") != DemoWorkflows.EventExecution)!;
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        var done = await f.RunAsync(run.S("_id")!);
        Assert.Equal("Invoice in_9 was paid (5 cents)", done.Node("2")!["input_data"].S("text"));
    }

    [Fact]
    public async Task TriggerEventBySlug_MultipartFormBody_IsAcceptedAndABadPayloadIs400()
    {
        await using var f = await emulator.FreshOrgAsync();
        using var form = new MultipartFormDataContent { { new StringContent("invoice_paid"), "trigger" } };
        Assert.Equal((200, """{"message":"Webhook Fired Success"}"""), await PostFormAsync(f, "api/v2/public/event/slack", form));

        using var bad = new MultipartFormDataContent { { new StringContent("invoice_paid"), "event" }, { new StringContent("not json"), "payload" } };
        var (status, body) = await PostFormAsync(f, "api/v2/public/event/trigger", bad);
        Assert.Equal(400, status);
        Assert.Contains("payload must be a JSON-stringified object", JsonNode.Parse(body).S("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyOperation_HeaderValueNotUtf8_Is400WithTheErrorEnvelope()
    {
        await using var f = await emulator.FreshOrgAsync();
        var head = $"GET {Ops.LinkedAccounts.ListLinkedAccounts.Route} HTTP/1.0\r\nHost: {f.Emulator.BaseUrl.Authority}\r\nx-api-key: {f.ApiKey}\r\nlinked_account_id: ";
        byte[] request = [.. Encoding.ASCII.GetBytes(head), 0xFF, 0xFE, 0x41, .. Encoding.ASCII.GetBytes("\r\nConnection: close\r\n\r\n")];

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(f.Emulator.BaseUrl.Host, f.Emulator.BaseUrl.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        var answer = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        var envelope = JsonNode.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.Equal((400, "BAD_REQUEST", "header linked_account_id is not valid UTF-8; send its value as UTF-8 text"),
            (envelope!["status_code"]!.GetValue<int>(), envelope.S("http_error_type"), envelope.S("message")));
    }

    [Fact]
    public async Task CreateLinkedAccount_NullUdfValue_Is400NamingTheKeyAndCreatesNothing()
    {
        await using var f = await emulator.FreshOrgAsync();
        var (status, body, _) = await f.RawAsync(HttpMethod.Post, Ops.LinkedAccounts.CreateLinkedAccount.Route, apiKey: f.ApiKey,
            body: Js.O(("account_id", "acct_nulludf"), ("udf", Js.O(("tier", null)))));

        Assert.Equal(400, status);
        Assert.Equal("udf.tier must be a string (udf is a flat map of strings), got null; send a string value or leave the key out", body.S("message"));
        var missing = await EmulatorFixture.FailsAsync(f.Org().SendAsync("get_linked_account", Js.O(("linked_account_id", "acct_nulludf"))));
        Assert.Equal(404, missing.StatusCode);

        var (upsert, upserted, _) = await f.RawAsync(HttpMethod.Put, Ops.LinkedAccounts.UpsertLinkedAccount.Route, apiKey: f.ApiKey,
            body: Js.O(("account_id", Globex), ("udf", Js.O(("tier", null)))));
        Assert.Equal((400, "udf.tier must be a string (udf is a flat map of strings), got null; send a string value or leave the key out"), (upsert, upserted.S("message")));
    }

    [Theory]
    [InlineData("2026-11-27T11:00:00+23:00", "2026-11-26T12:00:00Z")]
    [InlineData("2026-11-26T12:30:00-23:59", "2026-11-27T12:29:00Z")]
    [InlineData("2026-11-27T02:00:00+14:00", "2026-11-26T12:00:00Z")]
    public async Task ListExecutions_StartDateWithAnRfc3339OffsetBeyond14Hours_IsTheSameInstantInUtc(string withOffset, string utc)
    {
        await using var f = await emulator.FreshOrgAsync();

        var shifted = await f.ExecutionsAsync(Js.O(("start_date", withOffset)));
        var same = await f.ExecutionsAsync(Js.O(("start_date", utc)));

        Assert.Equal(same.Select(e => e.S("_id")), shifted.Select(e => e.S("_id")));
    }

    [Fact]
    public async Task ListExecutions_OffsetBeyond23Hours59_Is400NamingTheField()
    {
        await using var f = await emulator.FreshOrgAsync();
        var error = await EmulatorFixture.FailsAsync(f.Org(Globex).SendAsync("list_executions", Js.O(("start_date", "2026-11-27T11:00:00+24:00"))));
        Assert.Equal((400, "start_date must be an ISO 8601 date or date-time, got '2026-11-27T11:00:00+24:00'"), (error.StatusCode, error.Message));
    }

    private static async Task<(int Status, string Body)> PostFormAsync(EmulatorFixture f, string path, MultipartFormDataContent form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.Add("x-api-key", f.ApiKey);
        request.Headers.Add("linked_account_id", Globex);
        using var response = await f.Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
