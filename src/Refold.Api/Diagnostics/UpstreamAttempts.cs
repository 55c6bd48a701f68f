using System.Net;

namespace Refold.Api.Diagnostics;

/// <summary>
/// Sits inside the resilience pipeline, so it sees every attempt that was actually sent (past the breaker and the
/// limiter): counts it on its request and in <see cref="RefoldTelemetry.UpstreamRequests"/> by status, 429s apart.
/// </summary>
internal sealed class UpstreamAttempts : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var telemetry = RequestTelemetry.Of(request);
        telemetry?.Attempted();
        var operation = new KeyValuePair<string, object?>(RefoldTelemetry.OperationTag, telemetry?.Operation);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            RefoldTelemetry.UpstreamRequests.Add(1, operation, new(RefoldTelemetry.StatusTag, (int)response.StatusCode));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                RefoldTelemetry.UpstreamThrottled.Add(1, operation);
            }

            return response;
        }
        catch (Exception e)
        {
            RefoldTelemetry.UpstreamRequests.Add(1, operation, new(RefoldTelemetry.ErrorTypeTag, ErrorType(e)));
            throw;
        }
    }

    private static string ErrorType(Exception e) => e switch
    {
        OperationCanceledException => "cancelled",
        HttpRequestException http => http.HttpRequestError.ToString(),
        _ => e.GetType().Name,
    };
}
