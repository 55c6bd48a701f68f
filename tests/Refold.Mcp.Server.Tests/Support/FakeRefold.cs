using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Refold.Api.Catalog;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>
/// A tiny Refold on 127.0.0.1:0 for the server's tests: a handful of operations, routed from the catalog's own
/// declarations, with real credential checks (one org API key, session tokens it minted itself) and per-account data.
/// </summary>
public sealed class FakeRefold : IAsyncDisposable
{
    public const string ApiKey = "tk-fake-org-key-0123456789";
    public const string OrgId = "org_fake";
    public const string MissingAccount = "acct_missing";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Recorded> _requests = new();
    private readonly ConcurrentQueue<Check> _checks = new();
    private int _answered;
    private int _unanswered;

    private FakeRefold(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request that reached an operation (after the credential check).</summary>
    public IReadOnlyList<Recorded> Requests => [.. _requests];

    /// <summary>Every credential check (get_active_linked_account with a bearer token) in arrival order, refused ones too.</summary>
    public IReadOnlyList<Check> Checks => [.. _checks];

    /// <summary>While set, credential checks wait for it before Refold answers them.</summary>
    public TaskCompletionSource? HoldChecks { get; set; }

    /// <summary>Operations whose requests are taken and never answered (until the caller gives up).</summary>
    public ConcurrentDictionary<string, bool> NeverAnswer { get; } = new(StringComparer.Ordinal);

    /// <summary>How many requests for a <see cref="NeverAnswer"/> operation arrived so far.</summary>
    public int Unanswered => Volatile.Read(ref _unanswered);

    /// <summary>Completes when Refold has refused its first token.</summary>
    public TaskCompletionSource FirstRefusal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record Check(string Token, bool Refused);

    /// <summary>Refold forgets <paramref name="token"/>, as when it is revoked.</summary>
    public void Revoke(string token) => _tokens.TryRemove(token, out _);

    public sealed record Recorded(string Operation, string? Account, string? Authorization, string? ApiKey, string? Body);

    public static async Task<FakeRefold> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeRefold(app);
        foreach (var (name, handler) in fake.Handlers())
        {
            var operation = RefoldCatalog.Find(name)!;
            app.MapMethods(operation.Route, [operation.Method.Method], (Delegate)((HttpContext c) => fake.HandleAsync(c, operation, handler)));
        }

        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First());
        return fake;
    }

    /// <summary>A session token for <paramref name="account"/>, as generate_session_token would mint it.</summary>
    public string MintToken(string account, string org = OrgId)
    {
        var payload = new JsonObject
        {
            ["org_id"] = org,
            ["linked_account_id"] = account,
            ["environment"] = "test",
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["exp"] = DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds(),
            ["nonce"] = Guid.NewGuid().ToString("N"),
        };
        var token = $"{B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")}.{B64(payload.ToJsonString())}.{B64("sig-" + Guid.NewGuid())}";
        _tokens[token] = account;
        return token;
    }

    /// <summary>A well-formed JWT this Refold never issued; <paramref name="plausible"/> also gives it an issue time, like a real one.</summary>
    public static string ForgedToken(string account = "acct_alpha", bool plausible = false) =>
        $"{B64("{\"alg\":\"HS256\"}")}.{B64($"{{\"org_id\":\"{OrgId}\",\"linked_account_id\":\"{account}\",{(plausible ? $"\"iat\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}," : "")}\"exp\":{DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()}}}")}.{B64("forged")}";

    private static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private delegate IResult Handler(HttpContext context, string? account, JsonObject? body);

    private IEnumerable<(string, Handler)> Handlers()
    {
        yield return ("list_applications", (_, _, _) => Results.Json(new JsonArray(new JsonObject { ["slug"] = "hubspot", ["name"] = "HubSpot" })));
        yield return ("get_active_linked_account", (_, account, _) => Results.Json(Account(account!)));
        yield return ("list_linked_accounts", (_, _, _) => Results.Json(new JsonObject
        {
            ["docs"] = new JsonArray(Account("acct_alpha"), Account("acct_beta")),
            ["totalDocs"] = 2, ["page"] = 1, ["totalPages"] = 1, ["hasNextPage"] = false,
        }));
        yield return ("get_linked_account", (c, account, _) =>
        {
            var id = (string)c.Request.RouteValues["linked_account_id"]!;
            if (id == MissingAccount)
            {
                return Error(404, "NOT_FOUND", "RESOURCE_NOT_FOUND", "Linked account not found", "req-404-1");
            }

            return account is not null && account != id ? Error(403, "FORBIDDEN", "FORBIDDEN", "Not your account") : Results.Json(Account(id));
        });
        yield return ("create_linked_account", (_, _, body) => Results.Json(new JsonObject
        {
            ["_id"] = "mongo_1", ["account_id"] = body?["account_id"]?.DeepClone(), ["name"] = body?["name"]?.DeepClone(), ["environment"] = "test",
        }));
        yield return ("generate_session_token", (_, _, body) =>
        {
            var account = body?["linked_account_id"]?.GetValue<string>();
            return account is null
                ? Error(400, "BAD_REQUEST", "MISSING_REQUIRED_FIELD", "linked_account_id is required")
                : Results.Json(new JsonObject { ["token"] = MintToken(account), ["refresh_token"] = "refresh-" + account, ["expires_in"] = 604800 });
        });
        yield return ("list_executions", (_, account, _) => Results.Json(new JsonObject
        {
            ["docs"] = new JsonArray(new JsonObject { ["_id"] = "exec_" + account, ["linked_account_id"] = account, ["status"] = "COMPLETED" }),
            ["totalDocs"] = 1, ["page"] = 1, ["totalPages"] = 1, ["hasNextPage"] = false,
        }));
        yield return ("execute_workflow", (_, account, _) => Results.Json(new JsonObject { ["execution_id"] = "exec_" + account }));
        yield return ("get_execution", (c, account, _) => Results.Json(new JsonObject
        {
            ["_id"] = (string)c.Request.RouteValues["execution_id"]!, ["linked_account_id"] = account, ["status"] = "COMPLETED",
        }));
    }

    private async Task<IResult> HandleAsync(HttpContext context, Operation operation, Handler handler)
    {
        // Like Refold, every answer names its request.
        context.Response.Headers["x-request-id"] = $"req-{operation.Name}-{Interlocked.Increment(ref _answered)}";
        var authorization = context.Request.Headers.Authorization.ToString();
        var apiKey = context.Request.Headers["x-api-key"].ToString();
        string? account;
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var known = _tokens.TryGetValue(authorization[7..], out account);
            if (operation.Name == "get_active_linked_account")
            {
                _checks.Enqueue(new Check(authorization[7..], !known));
                if (HoldChecks is { } hold)
                {
                    await hold.Task;
                }
            }

            if (!known)
            {
                FirstRefusal.TrySetResult();
                return Error(401, "UNAUTHORIZED", "INVALID_TOKEN", "Invalid token");
            }
        }
        else if (apiKey == ApiKey)
        {
            account = context.Request.Headers["linked_account_id"].ToString() is { Length: > 0 } header ? header : context.Request.Query["linked_account_id"].ToString() is { Length: > 0 } q ? q : null;
        }
        else
        {
            return Error(401, "UNAUTHORIZED", "UNAUTHORIZED", "Invalid Credentials");
        }

        JsonObject? body = null;
        if (context.Request.ContentLength > 0)
        {
            body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }

        _requests.Enqueue(new Recorded(operation.Name, account, authorization.Length > 0 ? authorization : null, apiKey.Length > 0 ? apiKey : null, body?.ToJsonString()));
        if (NeverAnswer.ContainsKey(operation.Name))
        {
            Interlocked.Increment(ref _unanswered);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }

        return handler(context, account, body);
    }

    private static JsonObject Account(string id) => new() { ["account_id"] = id, ["name"] = "Account " + id, ["environment"] = "test", ["udf"] = new JsonArray() };

    private static IResult Error(int status, string type, string code, string message, string? requestId = null)
    {
        var body = new JsonObject { ["status_code"] = status, ["http_error_type"] = type, ["error"] = code, ["message"] = message };
        if (requestId is not null)
        {
            body["request_id"] = requestId;
        }

        return Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
