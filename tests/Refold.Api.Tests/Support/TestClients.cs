using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Refold.Api.Client;

namespace Refold.Api.Tests.Support;

/// <summary>Builds the real client stack (DI, resilience, limiter) over a fake handler and a chosen clock.</summary>
internal static class TestClients
{
    public const string ApiKey = "tk-test-0001";

    public static (RefoldClientFactory Factory, ServiceProvider Services) Build(
        HttpMessageHandler handler, TimeProvider? time = null, Action<RefoldOptions>? configure = null, Action<IServiceCollection>? register = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time ?? new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        register?.Invoke(services);
        services.AddRefoldClient(o =>
        {
            o.BaseUrl = new Uri("https://refold.test");
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<RefoldClientFactory>(), provider);
    }

    public static RefoldClient ApiKeyClient(HttpMessageHandler handler, string? linkedAccount = null, TimeProvider? time = null) =>
        Build(handler, time).Factory.Create(RefoldCredential.FromApiKey(ApiKey, linkedAccount));
}
