using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Refold.Api.Catalog;
using Refold.Api.Diagnostics;
using Refold.Api.Errors;
using Refold.Api.Resilience;

namespace Refold.Api.Client;

/// <summary>
/// Sends any catalog operation for one credential: arguments in, JSON out. Every failure, local or remote,
/// surfaces as a <see cref="RefoldApiException"/> carrying one <see cref="RefoldError"/>.
/// </summary>
/// <remarks>Create through <see cref="RefoldClientFactory"/>, which supplies the resilient, rate-limited HTTP client.</remarks>
public sealed class RefoldClient
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly string _limiterKey;
    private readonly string? _pipelineScope;
    private readonly IRefoldRateLimiter _limiter;
    private readonly SessionTokenMinter? _minter;

    internal RefoldClient(HttpClient http, RefoldCredential? credential, TimeProvider time, IRefoldRateLimiter limiter, string? limiterKey = null,
        string? pipelineScope = null, SessionTokenMinter? minter = null)
    {
        _pipelineScope = pipelineScope;
        _limiter = limiter;
        _minter = minter;
        _limiterKey = limiterKey ?? credential?.LimiterKey ?? RefoldRequestOptions.AnonymousKey;
        _http = http;
        _time = time;
        Credential = credential;
    }

    /// <summary>The credential every call is made with; null for a client that only calls public operations.</summary>
    public RefoldCredential? Credential { get; }

    /// <summary>The clock of this client's waits and limits.</summary>
    public TimeProvider Time => _time;

    /// <summary>Sends <paramref name="operation"/> and returns its JSON result (null for an empty success).</summary>
    /// <exception cref="RefoldApiException">For a bad argument, a refused credential, or any Refold or network failure.</exception>
    public Task<JsonNode?> SendAsync(Operation operation, JsonObject? arguments = null, CancellationToken cancellationToken = default) =>
        SendAsync(operation, arguments, new RefoldExchange(), cancellationToken);

    /// <summary>
    /// Sends <paramref name="operation"/>, recording in <paramref name="exchange"/> what came of it (status, Refold's
    /// request id, attempts, limiter wait), whether it succeeds or throws. The call is one <c>refold {operation}</c> span.
    /// </summary>
    /// <exception cref="RefoldApiException">For a bad argument, a refused credential, or any Refold or network failure.</exception>
    public async Task<JsonNode?> SendAsync(Operation operation, JsonObject? arguments, RefoldExchange exchange, CancellationToken cancellationToken = default)
    {
        arguments ??= [];
        Fail(Check(operation, arguments));

        using var request = RequestFactory.Create(operation, arguments, Credential);
        RefoldRequestOptions.Set(request, operation, _limiterKey, _pipelineScope, cancellationToken);
        var telemetry = RequestTelemetry.Attach(request, operation.Name);
        using var span = RequestSpan.Start(operation);
        try
        {
            var result = await SendAsync(operation, arguments, request, exchange, cancellationToken).ConfigureAwait(false);
            RequestSpan.End(span, telemetry, exchange, null);
            return result;
        }
        catch (RefoldApiException e)
        {
            RequestSpan.End(span, telemetry, exchange, e.Error);
            throw;
        }
    }

    private async Task<JsonNode?> SendAsync(Operation operation, JsonObject arguments, HttpRequestMessage request, RefoldExchange exchange, CancellationToken cancellationToken)
    {

        var sentAt = _time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (TransportError(operation, e, arguments, sentAt, cancellationToken) is { } error)
        {
            throw new RefoldApiException(error, e);
        }

        using (response)
        {
            exchange.StatusCode = (int)response.StatusCode;
            exchange.RequestId = response.Headers.TryGetValues(RefoldHeaders.RequestId, out var ids) ? ids.FirstOrDefault() : null;
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Fail(RefoldErrorMapper.FromResponse(operation, response.StatusCode, body, response.Headers, _time.GetUtcNow(), arguments, sentAt));
            var result = Parse(body);

            // Refold answered this key, so an org its answer names is the key's own: from now on it shares that org's bucket.
            if (Credential is ApiKeyCredential && OrgHint.Find(result) is { } org)
            {
                _limiter.LearnOrg(Credential.LimiterKey, org);
            }

            return result;
        }
    }

    /// <summary>
    /// Sends an operation Refold accepts only from a session token (<see cref="AuthLevel.Account"/>) with this
    /// client's org key, for <paramref name="linkedAccountId"/>: the call goes out with that account's session token,
    /// minted with the key and remembered by the <see cref="SessionTokenMinter"/>. A token Refold refuses (revoked
    /// elsewhere) is minted anew once; after <c>revoke_session_token</c> the revoked token is forgotten.
    /// </summary>
    /// <exception cref="RefoldApiException">For a refused mint, a bad argument or any Refold failure of the call.</exception>
    public Task<JsonNode?> SendForAccountAsync(Operation operation, JsonObject? arguments, string linkedAccountId, CancellationToken cancellationToken = default) =>
        SendForAccountAsync(operation, arguments, linkedAccountId, new RefoldExchange(), cancellationToken);

    /// <summary>As <see cref="SendForAccountAsync(Operation, JsonObject?, string, CancellationToken)"/>, recording the call's exchange in <paramref name="exchange"/>.</summary>
    public async Task<JsonNode?> SendForAccountAsync(Operation operation, JsonObject? arguments, string linkedAccountId, RefoldExchange exchange,
        CancellationToken cancellationToken = default)
    {
        if (Credential is not ApiKeyCredential || _minter is null)
        {
            throw new InvalidOperationException("Only a client of an org API key made by RefoldClientFactory mints session tokens.");
        }

        for (var attempt = 0; ; attempt++)
        {
            var token = await _minter.TokenForAsync(this, linkedAccountId, cancellationToken).ConfigureAwait(false);
            var asAccount = new RefoldClient(_http, token, _time, _limiter, minter: _minter);
            try
            {
                var result = await asAccount.SendAsync(operation, arguments, exchange, cancellationToken).ConfigureAwait(false);
                if (operation.Name == Operations.SessionTokens.RevokeSessionToken.Name)
                {
                    _minter.Forget(this, linkedAccountId, token);
                }

                return result;
            }
            catch (RefoldApiException e) when (e.Error.Kind == RefoldErrorKind.Unauthorized && attempt == 0)
            {
                // Refused, so not applied: forget the token and try once more with a fresh one.
                _minter.Forget(this, linkedAccountId, token);
            }
        }
    }

    /// <summary>
    /// The request <see cref="SendForAccountAsync"/> would send (its session token redacted, as every credential is);
    /// nothing is minted or sent.
    /// </summary>
    public Task<RequestPreview> PreviewForAccountAsync(Operation operation, JsonObject? arguments, string linkedAccountId, CancellationToken cancellationToken = default) =>
        new RefoldClient(_http, RefoldCredential.FromSessionToken("session-token-of-" + linkedAccountId), _time, _limiter)
            .PreviewAsync(operation, arguments, cancellationToken);

    /// <summary>
    /// The request <see cref="SendAsync(Operation, JsonObject?, CancellationToken)"/> would send for these arguments,
    /// credential headers redacted; nothing is sent.
    /// </summary>
    /// <exception cref="RefoldApiException">For a bad argument or a refused credential, as <c>SendAsync</c> would.</exception>
    public async Task<RequestPreview> PreviewAsync(Operation operation, JsonObject? arguments = null, CancellationToken cancellationToken = default)
    {
        arguments ??= [];
        Fail(Check(operation, arguments));
        using var request = RequestFactory.Create(operation, arguments, Credential);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return RequestPreview.Of(request, _http.BaseAddress, body);
    }

    /// <summary>Why this call would be refused before anything is sent (credential, then arguments), or null.</summary>
    public RefoldError? Check(Operation operation, JsonObject? arguments) =>
        CheckCredential(operation) ?? ArgumentValidator.Validate(operation, arguments, accountSupplied: Credential?.LinkedAccountId is not null);

    /// <summary>Sends the operation with this tool name.</summary>
    public Task<JsonNode?> SendAsync(string operationName, JsonObject? arguments = null, CancellationToken cancellationToken = default) =>
        SendAsync(RefoldCatalog.Find(operationName) ?? throw new ArgumentException($"No Refold operation is named '{operationName}'.", nameof(operationName)),
            arguments, cancellationToken);

    /// <summary>Why this client's credential may not call <paramref name="operation"/>, or null when it may (see <see cref="CredentialRules"/>).</summary>
    public RefoldError? CheckCredential(Operation operation) => CredentialRules.Check(operation, Credential);

    private static void Fail(RefoldError? error)
    {
        if (error is not null)
        {
            throw new RefoldApiException(error);
        }
    }

    private static JsonNode? Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            // A success that is plain text (Refold sometimes answers "OK"): hand it back as a string.
            return JsonValue.Create(body);
        }
    }

    private RefoldError? TransportError(Operation operation, Exception e, JsonObject arguments, DateTimeOffset sentAt, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,

        // The attempt timed out somewhere between connecting and reading the answer: it may have been applied.
        // The whole call's deadline or the last attempt's timeout passed; either way the request may have been applied.
        TimeoutRejectedException timeout => RefoldErrorMapper.FromFailure(operation, RefoldErrorKind.Timeout, RefoldOutcome.Unknown,
            $"Refold did not answer {operation.Name} within {timeout.Timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s{(operation.Hints.Idempotent ? ", even after retrying" : "")}.", null, arguments, sentAt),
        TaskCanceledException or TimeoutException => RefoldErrorMapper.FromFailure(operation, RefoldErrorKind.Timeout, RefoldOutcome.Unknown,
            $"Refold did not answer {operation.Name} in time{(operation.Hints.Idempotent ? ", even after retrying" : "")}.", null, arguments, sentAt),
        BrokenCircuitException broken => RefoldErrorMapper.FromFailure(operation, RefoldErrorKind.CircuitOpen, RefoldOutcome.NotSent,
            $"Calls to Refold are paused after repeated failures; {operation.Name} was not sent.", broken.RetryAfter),
        RateLimiterRejectedException limited => RefoldErrorMapper.FromFailure(operation, RefoldErrorKind.RateLimited, RefoldOutcome.NotSent,
            $"Too many calls are waiting for Refold's rate limit; {operation.Name} was not sent.", limited.RetryAfter),
        HttpRequestException http when NeverSent(http) => RefoldErrorMapper.FromFailure(operation, RefoldErrorKind.Network, RefoldOutcome.NotSent,
            $"Could not reach Refold at {_http.BaseAddress}: {NetworkReason(http)}; {operation.Name} was not sent."),
        HttpRequestException http => RefoldErrorMapper.FromFailure(operation, RefoldErrorKind.Network, RefoldOutcome.Unknown,
            $"The connection to Refold at {_http.BaseAddress} broke after {operation.Name} may have been sent, before its answer arrived ({NetworkReason(http)}).", null, arguments, sentAt),
        _ => null,
    };

    // Only failures that happen before a byte of the request can leave: resolving the name, connecting, the TLS or
    // proxy handshake. Anything else (a reset, a response that ended early, an unknown error) may come after Refold
    // read the request, so it is not counted as unsent.
    private static bool NeverSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
        || e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound };

    private static string NetworkReason(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException s => s.SocketErrorCode.ToString(),
        IOException => "the connection was closed before a response arrived",
        _ => e.HttpRequestError.ToString(),
    };
}
