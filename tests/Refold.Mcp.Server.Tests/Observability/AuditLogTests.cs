using System.Text.Json;
using Refold.Api.Client;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Tests.Support;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Tests.Observability;

/// <summary>The audit log (--audit-log): one JSON line per write that reaches the send path, secrets masked; reads write nothing.</summary>
public sealed class AuditLogTests : FakeRefoldTest
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"refold-audit-{Guid.NewGuid():N}.jsonl");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_path);
    }

    private ServerOptions Options(ToolMode mode = ToolMode.Compact) => new() { AuditLog = _path, Surface = new Surface { Mode = mode, Confirm = ConfirmMode.Never } };

    private List<JsonElement> Lines() => File.Exists(_path) ? [.. File.ReadAllLines(_path).Select(l => JsonDocument.Parse(l).RootElement)] : [];

    [Fact]
    public async Task Write_CreateLinkedAccount_OneLineWithEveryField()
    {
        var key = RefoldCredential.FromApiKey(FakeRefold.ApiKey);
        await using var server = await InMemoryServer.StartAsync(Refold.BaseUrl, key, Options());

        var created = await server.Client.CallAsync("create_linked_account", """{"account_id":"acct_audit","name":"Audit Co"}""");

        Assert.False(created.IsError, created.Text());
        var line = Assert.Single(Lines());
        Assert.True(DateTimeOffset.TryParse(line.Str("time"), out var time) && time.Offset == TimeSpan.Zero, line.Str("time"));
        var who = line.GetProperty("who");
        Assert.Equal("api_key", who.Str("credential"));
        Assert.Equal(key.Fingerprint, who.Str("fingerprint"));
        Assert.Matches("^[0-9a-f]{16}$", who.Str("fingerprint")!);
        Assert.Equal(JsonValueKind.Null, who.GetProperty("linked_account").ValueKind);
        Assert.Equal(JsonValueKind.Null, who.GetProperty("subject").ValueKind);
        Assert.Equal("create_linked_account", line.Str("tool"));
        Assert.Equal("create_linked_account", line.Str("operation"));
        Assert.Empty(line.GetProperty("targets").EnumerateObject());
        Assert.Equal("acct_audit", line.GetProperty("arguments").Str("account_id"));
        Assert.Equal("Audit Co", line.GetProperty("arguments").Str("name"));
        Assert.False(line.GetProperty("dry_run").GetBoolean());
        Assert.Equal("ok", line.Str("outcome"));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("error_code").ValueKind);
        Assert.Equal(200, line.GetProperty("status_code").GetInt32());
        Assert.StartsWith("req-create_linked_account-", line.Str("request_id"), StringComparison.Ordinal);
        Assert.Equal(1, line.GetProperty("attempts").GetInt32());
        Assert.True(line.GetProperty("duration_ms").GetDouble() >= 0);
    }

    [Fact]
    public async Task Writes_SecretsInKeyArgumentAndResult_NeverInTheFile()
    {
        await using var server = await InMemoryServer.StartAsync(Refold.BaseUrl, RefoldCredential.FromApiKey(FakeRefold.ApiKey), Options(ToolMode.All));
        const string secret = "zd-live-secret-0123456789";

        var minted = await server.Client.CallAsync("generate_session_token", """{"linked_account_id":"acct_alpha"}""");
        var saved = await server.Client.CallAsync("save_key_credentials",
            $$$"""{"slug":"zendesk","linked_account_id":"acct_alpha","credentials":{"subdomain":"globex","api_token":"{{{secret}}}"}}""");
        var token = minted.Structured().Str("token")!;
        await using var asToken = await InMemoryServer.StartAsync(Refold.BaseUrl, RefoldCredential.FromSessionToken(token), Options(ToolMode.All));
        var run = await asToken.Client.CallAsync("execute_workflow", """{"workflowId":"wf_1","slug":"hubspot","dry_run":true}""");

        Assert.False(run.IsError, run.Text());
        var lines = Lines();
        Assert.Equal(["generate_session_token", "save_key_credentials", "execute_workflow"], lines.Select(l => l.Str("operation")));
        var save = lines[1];
        Assert.True(saved.IsError);
        Assert.Equal("rejected", save.Str("outcome"));
        Assert.Equal(404, save.GetProperty("status_code").GetInt32());
        Assert.Equal("zendesk", save.GetProperty("targets").Str("slug"));
        Assert.Equal("acct_alpha", save.GetProperty("who").Str("linked_account"));
        // "credentials" is a secret name: the whole object is masked, the other arguments are kept.
        Assert.Equal("***", save.GetProperty("arguments").Str("credentials"));
        Assert.Equal("zendesk", save.GetProperty("arguments").Str("slug"));
        var dryRun = lines[2];
        Assert.True(dryRun.GetProperty("dry_run").GetBoolean());
        Assert.Equal("not_sent", dryRun.Str("outcome"));
        Assert.Equal("session_token", dryRun.GetProperty("who").Str("credential"));
        Assert.Equal("acct_alpha", dryRun.GetProperty("who").Str("linked_account"));
        var text = File.ReadAllText(_path);
        Assert.DoesNotContain(FakeRefold.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_ListLinkedAccounts_WritesNoLine()
    {
        await using var server = await InMemoryServer.StartAsync(Refold.BaseUrl, RefoldCredential.FromApiKey(FakeRefold.ApiKey), Options());

        var listed = await server.Client.CallAsync("list_linked_accounts");
        var fetched = await server.Client.CallAsync("get_linked_account", """{"linked_account_id":"acct_alpha"}""");

        Assert.False(listed.IsError, listed.Text());
        Assert.False(fetched.IsError, fetched.Text());
        Assert.Empty(Lines());
    }

    [Fact]
    public async Task Write_RefusedForAccountAndDeclinedByUser_RecordedAsSuch()
    {
        await using var emulator = await Upstream.StartAsync(new ServerOptions { Emulator = true });
        var fenced = Options() with { Surface = new Surface { AllowedAccounts = new HashSet<string> { "acct_globex" } } };
        await using var oneAccount = await InMemoryServer.StartAsync(emulator.BaseUrl, emulator.DemoCredential, fenced);
        await using var asking = await InMemoryServer.StartAsync(emulator.BaseUrl, emulator.DemoCredential, Options() with { Surface = new Surface() }, handlers: new TestUser("decline").Handlers);

        var refused = await oneAccount.Client.CallAsync("generate_session_token", """{"linked_account_id":"acct_initech"}""");
        var declined = await asking.Client.CallAsync(CallOperationTool.DestructiveToolName, """{"name":"delete_linked_account","arguments":{"linked_account_id":"acct_globex"}}""");

        Assert.True(refused.IsError);
        Assert.True(declined.IsError);
        var lines = Lines();
        Assert.Equal(2, lines.Count);
        Assert.Equal(("refused", "LINKED_ACCOUNT_NOT_ALLOWED", "acct_initech"), (lines[0].Str("outcome"), lines[0].Str("error_code"), lines[0].GetProperty("who").Str("linked_account")));
        Assert.Equal(("declined", "CONFIRMATION_DECLINED", "delete_linked_account"), (lines[1].Str("outcome"), lines[1].Str("error_code"), lines[1].Str("operation")));
        Assert.Equal("acct_globex", lines[1].GetProperty("targets").Str("linked_account_id"));
        Assert.Equal(0, lines[1].GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Writes_Concurrent_EveryLineWholeAndParsable()
    {
        await using var server = await InMemoryServer.StartAsync(Refold.BaseUrl, RefoldCredential.FromApiKey(FakeRefold.ApiKey), Options());

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            server.Client.CallAsync("create_linked_account", $$"""{"account_id":"acct_c{{i}}","name":"Concurrent {{i}}"}""")));

        Assert.All(results, r => Assert.False(r.IsError, r.Text()));
        var accounts = Lines().Select(l => l.GetProperty("arguments").Str("account_id")).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"acct_c{i}").Order(), accounts);
    }

    [Fact]
    public async Task Write_AuditFileUnwritable_CallSucceedsAndFailureIsLogged()
    {
        var missingFolder = Path.Combine(Path.GetTempPath(), $"refold-no-such-dir-{Guid.NewGuid():N}", "audit.jsonl");
        await using var server = await InMemoryServer.StartAsync(Refold.BaseUrl, RefoldCredential.FromApiKey(FakeRefold.ApiKey), new ServerOptions { AuditLog = missingFolder });

        var created = await server.Client.CallAsync("create_linked_account", """{"account_id":"acct_nolog","name":"No Log"}""");

        Assert.False(created.IsError, created.Text());
        Assert.Contains(server.Logs.Lines, l => l.Contains("Could not write to the audit log", StringComparison.Ordinal) && l.Contains("create_linked_account", StringComparison.Ordinal));
    }
}
