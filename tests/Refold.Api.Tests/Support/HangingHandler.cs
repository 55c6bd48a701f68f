namespace Refold.Api.Tests.Support;

/// <summary>An upstream that accepts every request and never answers (until the request is cancelled).</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
