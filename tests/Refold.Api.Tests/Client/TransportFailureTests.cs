using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Client;

/// <summary>Failures with no HTTP answer: a timeout (outcome unknown) and a refused connection (not sent).</summary>
public sealed class TransportFailureTests
{
    [Fact]
    public async Task Send_NoAnswerWithinAttemptTimeout_IsTimeoutError()
    {
        var hanging = new HangingHandler();
        var (factory, services) = TestClients.Build(hanging, TimeProvider.System, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(200));
        await using var _ = services;

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() =>
            factory.Create(RefoldCredential.FromApiKey(TestClients.ApiKey, "acct_1")).SendAsync(Workflows.ExecuteWorkflow, new() { ["workflowId"] = "wf", ["slug"] = "hubspot" }))).Error;

        Assert.Equal(RefoldErrorKind.Timeout, error.Kind);
        Assert.Equal(RefoldOutcome.Unknown, error.Outcome);
        Assert.False(error.Retryable);
        Assert.Contains("""list_executions with workflow_id="wf", start_date=""", error.Hint, StringComparison.Ordinal);
        Assert.Equal(1, hanging.Calls);
    }

    [Theory]
    [InlineData("list_applications")]
    [InlineData("create_linked_account")]
    public async Task Send_ConnectionRefused_IsNetworkErrorNotSent(string operation)
    {
        var port = ClosedPort();
        var services = new ServiceCollection();
        services.AddRefoldClient(o =>
        {
            o.BaseUrl = new Uri($"http://127.0.0.1:{port}");
            o.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<RefoldClientFactory>().Create(RefoldCredential.FromApiKey(TestClients.ApiKey));

        var error = (await Assert.ThrowsAsync<RefoldApiException>(() => client.SendAsync(operation, operation.StartsWith("create_", StringComparison.Ordinal) ? new() { ["account_id"] = "acct_9" } : null))).Error;

        Assert.Equal(RefoldErrorKind.Network, error.Kind);
        Assert.Equal(RefoldOutcome.NotSent, error.Outcome);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("was not sent", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.True(error.Retryable);
        Assert.Contains("then repeat", error.Hint, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
