namespace Refold.Api.Client;

/// <summary>
/// What one <see cref="RefoldClient.SendAsync(Catalog.Operation, System.Text.Json.Nodes.JsonObject?, RefoldExchange, CancellationToken)"/>
/// learnt about the exchange with Refold, success or failure: for audit records and traces.
/// </summary>
public sealed class RefoldExchange
{
    /// <summary>The HTTP status of the last answer; null when none came.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>Refold's id of the request (<c>request_id</c> of an error envelope, else the <c>x-request-id</c> header).</summary>
    public string? RequestId { get; internal set; }

    /// <summary>Attempts sent (0 when the call never left: refused locally, the breaker open, the limiter full).</summary>
    public int Attempts { get; internal set; }

    /// <summary>Time waited for the org's rate limiter, all attempts together.</summary>
    public TimeSpan LimiterWait { get; internal set; }
}
