using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Refold.Api.Catalog;
using Refold.Emulator.State;

namespace Refold.Emulator.Core;

/// <summary>
/// Everything a handler needs about one request: the operation, the authenticated caller, route values, query,
/// headers, the parsed JSON body, the caller's data partition, the clock, and the error helpers.
/// </summary>
public sealed class EmulatorRequest
{
    private readonly HttpContext _http;

    internal EmulatorRequest(HttpContext http, Operation operation, Caller caller, JsonNode? body, EmulatorState state, EmulatorEvents events)
    {
        _http = http;
        Operation = operation;
        Caller = caller;
        Body = body;
        State = state;
        Events = events;
    }

    public Operation Operation { get; }

    public Caller Caller { get; }

    /// <summary>The parsed JSON body; null when the request had none.</summary>
    public JsonNode? Body { get; }

    /// <summary>The body as an object (empty when absent; input validation already refused non-objects where fields are declared).</summary>
    public JsonObject BodyObject => Body as JsonObject ?? [];

    /// <summary>The body read through the declaration: members the operation does not declare throw <see cref="UndeclaredInputException"/>.</summary>
    public DeclaredBody Fields => new(Operation, BodyObject);

    public EmulatorState State { get; }

    /// <summary>Where events for webhooks are published.</summary>
    public EmulatorEvents Events { get; }

    /// <summary>The request's services (for group services such as an engine).</summary>
    public IServiceProvider Services => _http.RequestServices;

    /// <summary>Cancelled when the client goes away.</summary>
    public CancellationToken Aborted => _http.RequestAborted;

    /// <summary>The emulator's own base URL as the client reached it, ending in '/'.</summary>
    public Uri BaseUrl => new($"{_http.Request.Scheme}://{_http.Request.Host}/");

    /// <summary>The caller's org+environment partition. Throws 401 for an anonymous caller.</summary>
    public Partition Data => Caller.HasOrg ? State.Partition(Caller.OrgId!, Caller.Environment!) : throw new EmulatorException(RefoldErrors.InvalidCredentials());

    /// <summary>The request path as received, e.g. <c>/api/v2/public/tables/66a1…</c>.</summary>
    public string Path => _http.Request.Path.Value ?? "";

    /// <summary>What the audit entry of this request says, for a handler that knows better than the defaults (see <see cref="AuditRecorder"/>).</summary>
    public AuditNote Audit { get; } = new();

    /// <summary>Now, on the emulator's clock.</summary>
    public DateTimeOffset Now => State.Now;

    /// <summary>Now as Refold writes timestamps.</summary>
    public string Timestamp => State.Timestamp();

    /// <summary>A path value (the catalog's <c>{name}</c> placeholders) the operation declares; see <see cref="DeclaredInputs"/>.</summary>
    /// <exception cref="UndeclaredInputException">The operation declares no path parameter of that name.</exception>
    public string Route(string name)
    {
        DeclaredInputs.Require(Operation, ParameterLocation.Path, name);
        return _http.Request.RouteValues.TryGetValue(name, out var v) && v is string s ? s : "";
    }

    /// <summary>A query string value the operation declares (or any, when it takes free-form query members), or null.</summary>
    /// <exception cref="UndeclaredInputException">The operation declares no such query parameter.</exception>
    public string? Query(string name)
    {
        DeclaredInputs.Require(Operation, ParameterLocation.Query, name);
        return _http.Request.Query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
    }

    /// <summary>A request header the operation declares, or null.</summary>
    /// <exception cref="UndeclaredInputException">The operation declares no such header.</exception>
    public string? Header(string name)
    {
        DeclaredInputs.Require(Operation, ParameterLocation.Header, name);
        return _http.Request.Headers.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
    }

    /// <summary>The value of one of the operation's own declared parameters, read from where it is declared (body members as JSON text).</summary>
    /// <exception cref="UndeclaredInputException"><paramref name="parameter"/> is not one of the operation's parameters.</exception>
    public string? Value(Parameter parameter)
    {
        DeclaredInputs.Require(Operation, parameter);
        return parameter.In switch
        {
            ParameterLocation.Path => Route(parameter.SentAs),
            ParameterLocation.Query => Query(parameter.SentAs),
            ParameterLocation.Header => Header(parameter.SentAs),
            _ => Fields[parameter.SentAs] is { } node ? (node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString()) : null,
        };
    }

    /// <summary>True when a handler shared by several operations may read this input of the current one.</summary>
    public bool Declares(ParameterLocation location, string name) => DeclaredInputs.Declares(Operation, location, name);

    /// <summary>Every query value, for operations that take free-form query parameters.</summary>
    public IEnumerable<KeyValuePair<string, string>> QueryAll =>
        _http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));

    /// <summary>Every request header (name and first value), e.g. for operations that echo headers back.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers =>
        _http.Request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.Count > 0 ? h.Value[0] ?? "" : ""));

    /// <summary>An error to throw: the standard envelope in the variant this operation's service uses.</summary>
    public EmulatorException Error(int status, string code, string message, string? httpErrorType = null) =>
        new(RefoldErrors.Envelope(Operation, status, code, message, httpErrorType));

    /// <summary>404 <c>RESOURCE_NOT_FOUND</c> (or the code given).</summary>
    public EmulatorException NotFound(string message, string code = "RESOURCE_NOT_FOUND") => Error(404, code, message);

    /// <summary>400 <c>SERVER_ERROR</c> (or the code given), Refold's usual code for a bad body.</summary>
    public EmulatorException BadRequest(string message, string code = "SERVER_ERROR") => Error(400, code, message);

    /// <summary>The linked account id the call acts for (token, header or query); 400 when there is none.</summary>
    public string RequireLinkedAccountId() =>
        Caller.LinkedAccountId ?? throw BadRequest("linked_account_id is required", "MISSING_REQUIRED_FIELD");

    /// <summary>The linked account the call acts for; 400 without an id, 404 when it does not exist in this org+environment.</summary>
    public JsonObject RequireLinkedAccount() => FindLinkedAccount(RequireLinkedAccountId());

    /// <summary>The linked account with this account_id in the caller's partition, or 404 in Refold's words.</summary>
    public JsonObject FindLinkedAccount(string accountId) =>
        Data.Collection(Collections.LinkedAccounts).FindOne(a => Doc.Is(a, "account_id", accountId))
        ?? throw Error(404, "SERVER_ERROR", $"Linked Account with account id {accountId} for org {Caller.OrgId} in environment {Caller.Environment} not found");

    /// <summary>The page and limit query values (validated as positive integers before the handler runs).</summary>
    public (int Page, int Limit) Paging(int defaultLimit = 10) =>
        (PositiveInt("page") ?? 1, PositiveInt("limit") ?? defaultLimit);

    private int? PositiveInt(string name) =>
        int.TryParse(Query(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
