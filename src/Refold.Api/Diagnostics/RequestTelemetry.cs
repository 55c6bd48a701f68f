namespace Refold.Api.Diagnostics;

/// <summary>
/// What the resilience pipeline learns about one Refold request across its attempts (attempts sent, retries, time
/// waited for the rate limiter), carried in the request's options so the client can put it on its span and exchange.
/// </summary>
internal sealed class RequestTelemetry
{
    private static readonly HttpRequestOptionsKey<RequestTelemetry> s_key = new("refold.telemetry");
    private int _attempts;
    private int _retries;
    private long _limiterWaitTicks;

    public string Operation { get; private init; } = "";

    public int Attempts => Volatile.Read(ref _attempts);

    public int Retries => Volatile.Read(ref _retries);

    public TimeSpan LimiterWait => TimeSpan.FromTicks(Interlocked.Read(ref _limiterWaitTicks));

    public static RequestTelemetry Attach(HttpRequestMessage request, string operation)
    {
        var telemetry = new RequestTelemetry { Operation = operation };
        request.Options.Set(s_key, telemetry);
        return telemetry;
    }

    public static RequestTelemetry? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(s_key, out var telemetry) ? telemetry : null;

    public void Attempted() => Interlocked.Increment(ref _attempts);

    public void Retried() => Interlocked.Increment(ref _retries);

    public void Waited(TimeSpan wait) => Interlocked.Add(ref _limiterWaitTicks, wait.Ticks);
}
