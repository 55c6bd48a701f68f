using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Refold.Api.Catalog;
using Refold.Emulator.Core;
using Refold.Emulator.Engine;
using Refold.Emulator.Groups;
using Refold.Emulator.Seed;
using Refold.Emulator.State;

namespace Refold.Emulator;

/// <summary>
/// A local Refold: Kestrel serving the catalog's operations over the emulator's state. Start one with
/// <see cref="StartAsync"/>, call it at <see cref="BaseUrl"/> with <see cref="ApiKey"/>, dispose it to stop.
/// </summary>
public sealed class RefoldEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyList<EmulatorGroup> _groups;
    private int _disposed;

    private RefoldEmulator(WebApplication app, Uri baseUrl, string apiKey, EmulatorState state, IReadOnlyList<EmulatorGroup> groups)
    {
        _app = app;
        _groups = groups;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
        State = state;
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:43125/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The seeded org's API key.</summary>
    public string ApiKey { get; }

    /// <summary>The emulator's data, for tests to inspect.</summary>
    public EmulatorState State { get; }

    /// <summary>Where webhook events are published (a delivery service or a test subscribes).</summary>
    public EmulatorEvents Events => _app.Services.GetRequiredService<EmulatorEvents>();

    /// <summary>Requests served per org and operation.</summary>
    public ServedRequests Served => _app.Services.GetRequiredService<ServedRequests>();

    /// <summary>The service provider of the running app (group services, e.g. an engine).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The catalog operations that have a route, read from the running app's endpoints.</summary>
    public IReadOnlyList<Operation> RoutedOperations =>
        [.. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<Operation>())
            .OfType<Operation>()];

    /// <summary>
    /// Adds another org seeded with the same demo data as the first (the same account, workflow and table ids, in its
    /// own partition), opened by <paramref name="apiKey"/> (<c>tk…</c> for its test environment, <c>pk…</c> for
    /// production). Orgs share nothing but the clock, so one emulator can serve many isolated tests.
    /// </summary>
    /// <returns>The new org's id.</returns>
    public string AddDemoOrg(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var id = State.NewObjectId();
        DemoOrg.Seed(State, apiKey, _groups, id, "Demo Org " + id[^6..]);

        // As at start-up: the engine arms its timer for the new org's schedule and runs (else they wait for another call).
        _app.Services.GetRequiredService<WorkflowEngine>().Pump();
        State.SaveIfChanged();
        return id;
    }

    /// <summary>
    /// Removes an org with its keys and all its data (its schedules stop firing, its runs stop advancing), so a test
    /// done with an org from <see cref="AddDemoOrg"/> leaves nothing behind that moves when a later one moves the clock.
    /// </summary>
    /// <returns>False when there is no org with this id.</returns>
    public bool RemoveOrg(string orgId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgId);
        var removed = State.RemoveOrg(orgId);
        State.SaveIfChanged();
        return removed;
    }

    /// <summary>Loads or seeds the state, binds Kestrel and starts serving.</summary>
    public static async Task<RefoldEmulator> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var state = new EmulatorState(options.TimeProvider, options.DataPath);
        var groups = EmulatorGroups.Create();
        if (!state.Load() && options.Seed)
        {
            DemoOrg.Seed(state, options.ApiKey, groups);
        }
        else
        {
            // A restart with another key (or without seeding) still lets that key into the demo org.
            state.AddOrg(options.ApiKey, state.Orgs.FirstOrDefault()?.Id ?? EmulatorDefaults.OrgId, EmulatorDefaults.OrgName);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RefoldEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(HeaderText.Configure);

        var services = builder.Services;
        services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        services.AddSingleton(options);
        services.AddSingleton(state);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton<SessionTokenService>();
        services.AddSingleton<Authenticator>();
        services.AddSingleton(new RequestLimiter(options.RateLimit, options.TimeProvider));
        services.AddSingleton(new FaultInjector(options.Faults));
        services.AddSingleton<EmulatorEvents>();
        services.AddSingleton<ServedRequests>();
        services.AddSingleton<EmulatorPipeline>();
        foreach (var group in groups)
        {
            group.ConfigureServices(services);
        }

        var app = builder.Build();
        var routes = new EmulatorRoutes(app, app.Services.GetRequiredService<EmulatorPipeline>());
        foreach (var group in groups)
        {
            group.Map(routes);
        }

        app.MapFallback(http => EmulatorPipeline.WriteAsync(http, null,
            RefoldErrors.Standard(404, "RESOURCE_NOT_FOUND", $"Cannot {http.Request.Method} {http.Request.Path}")));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        state.SaveIfChanged();
        return new RefoldEmulator(app, new Uri(address.TrimEnd('/') + "/"), options.ApiKey, state, groups);
    }

    /// <summary>Stops Kestrel and the group services, and writes the state file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync();
        }
        finally
        {
            State.SaveIfChanged();
            await _app.DisposeAsync();
        }
    }

    // In-process, the emulator must not react to Ctrl+C or SIGTERM: its owner decides when it stops.
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
