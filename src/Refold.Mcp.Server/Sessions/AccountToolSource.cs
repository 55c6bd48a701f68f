using Microsoft.Extensions.Logging;
using Refold.Api.Errors;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Sessions;

/// <summary>
/// The account tools of one <see cref="RefoldSession"/> (one credential), read from Refold and kept for
/// <see cref="AccountToolOptions.Lifetime"/> on the session's clock, so listing tools does not cost reads every
/// time. A write through this server that may change them (publishing, enabling, editing a workflow; a config or a
/// connection) calls <see cref="Invalidate"/>. When Refold cannot be read, the last known tools stay and a new
/// attempt is made after <see cref="AccountToolOptions.RetryAfter"/>.
/// </summary>
public sealed partial class AccountToolSource(RefoldSession session, AccountToolOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<AccountTool> _tools = [];
    private DateTimeOffset _until = DateTimeOffset.MinValue;
    private long _generation;
    private long _loadedGeneration = -1;

    public AccountToolOptions Options { get; } = options;

    /// <summary>Forgets the cached tools: the next <see cref="GetAsync"/> reads them again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The current tools, read from Refold when the cached ones have expired or were invalidated.</summary>
    public async Task<IReadOnlyList<AccountTool>> GetAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (IsFresh(generation))
        {
            return Volatile.Read(ref _tools);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            generation = Interlocked.Read(ref _generation);
            if (IsFresh(generation))
            {
                return _tools;
            }

            var time = session.Client.Time;
            try
            {
                var tools = await AccountToolLoader.LoadAsync(session, Options.Workflows, Options.Actions, Options.Max, cancellationToken).ConfigureAwait(false);
                LogLoaded(session.Logger, tools.Count, tools.Count(t => t is WorkflowTool), Options.Max);
                Volatile.Write(ref _tools, tools);
                _until = time.GetUtcNow() + Options.Lifetime;
            }
            catch (RefoldApiException e)
            {
                LogUnreadable(session.Logger, e.Error.Message);
                _until = time.GetUtcNow() + Options.RetryAfter;
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or System.Text.Json.JsonException)
            {
                // Refold answered with data of another shape than documented: keep the last known tools, try later.
                LogUnreadable(session.Logger, "an answer had an unexpected shape (" + e.GetType().Name + ")");
                _until = time.GetUtcNow() + Options.RetryAfter;
            }

            _loadedGeneration = generation;
            return _tools;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(long generation) => generation == Volatile.Read(ref _loadedGeneration) && session.Client.Time.GetUtcNow() < _until;

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "Account tools read: {Count} ({Workflows} workflows), cap {Max}")]
    private static partial void LogLoaded(ILogger logger, int count, int workflows, int max);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Could not read the account's workflows or actions; keeping the last known tools: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
