using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Refold.Api.Catalog;

namespace Refold.Emulator.Core;

/// <summary>
/// Binds catalog operations to handlers. The HTTP method and route template come from the declaration
/// (<see cref="Operation.Method"/>, <see cref="Operation.Route"/>); every request then passes the shared pipeline
/// (faults, body parsing, authentication from <see cref="Operation.Auth"/>, the per-org limit, input validation)
/// before the handler runs.
/// </summary>
public sealed class EmulatorRoutes
{
    private readonly IEndpointRouteBuilder _endpoints;
    private readonly EmulatorPipeline _pipeline;
    private readonly HashSet<string> _mapped = new(StringComparer.Ordinal);

    internal EmulatorRoutes(IEndpointRouteBuilder endpoints, EmulatorPipeline pipeline)
    {
        _endpoints = endpoints;
        _pipeline = pipeline;
    }

    /// <summary>The operations mapped so far.</summary>
    public IReadOnlyCollection<string> Mapped => _mapped;

    /// <summary>Serves <paramref name="operation"/> with a synchronous handler.</summary>
    /// <param name="operation">The catalog declaration: method, route and auth come from it.</param>
    /// <param name="handler">The behaviour.</param>
    /// <param name="invalidInput">
    /// Builds the answer for a request that fails the declared-input check (the message names the field); by default the
    /// standard 400 envelope. For operations whose Refold answer differs, e.g. <c>RefoldErrors.ServerErrorText(400, m)</c>.
    /// </param>
    /// <param name="acceptsForm">
    /// Also take a <c>multipart/form-data</c> body (read as JSON by <see cref="FormBody"/>), for the operations whose
    /// Refold document lists that content type.
    /// </param>
    public void Map(Operation operation, Func<EmulatorRequest, EmulatorResult> handler, Func<string, EmulatorResult>? invalidInput = null, bool acceptsForm = false) =>
        MapAsync(operation, request => Task.FromResult(handler(request)), invalidInput, acceptsForm);

    /// <summary>Serves <paramref name="operation"/> with an asynchronous handler (e.g. one that waits for an execution).</summary>
    /// <inheritdoc cref="Map" path="/param"/>
    public void MapAsync(Operation operation, Func<EmulatorRequest, Task<EmulatorResult>> handler, Func<string, EmulatorResult>? invalidInput = null, bool acceptsForm = false)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!_mapped.Add(operation.Name))
        {
            throw new InvalidOperationException($"{operation.Name} is mapped twice; each operation has exactly one handler.");
        }

        _endpoints
            .MapMethods(operation.Route, [operation.Method.Method], http => _pipeline.HandleAsync(http, operation, handler, invalidInput, acceptsForm))
            .WithMetadata(operation)
            .WithDisplayName(operation.Name);
    }
}
