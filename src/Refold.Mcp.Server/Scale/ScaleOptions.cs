namespace Refold.Mcp.Server.Scale;

/// <summary>
/// What running several replicas takes: the Redis that holds every org's shared bucket and the spent confirmation
/// tickets, the session mode, how many replicas the operator runs and the key every replica signs tickets with.
/// Declared in <see cref="ScaleSettings"/>; flags, <c>REFOLD_*</c> variables and the <c>Scale</c> section of <c>--config</c> fill it (<see cref="Hosting.ServerSettings.Resolve"/>).
/// </summary>
public sealed record ScaleOptions
{
    /// <summary>A StackExchange.Redis connection string (<c>host:port,password=...</c>); null keeps the in-process limiter.</summary>
    public string? Redis { get; init; }

    /// <summary>The HTTP session mode; null is <see cref="SessionMode.Hybrid"/>.</summary>
    public SessionMode? Mode { get; init; }

    /// <summary>
    /// Replicas the operator runs (<c>--replicas</c>). A replica that cannot reach Redis keeps a local bucket at
    /// 1/N of the org's rate, N being the larger of this and the replicas that announced themselves in Redis.
    /// </summary>
    public int? Replicas { get; init; }

    /// <summary>The secret that signs confirmation tickets (<c>REFOLD_TICKET_KEY</c>); null draws a random one per process.</summary>
    public string? TicketKey { get; init; }

    public SessionMode EffectiveMode => Mode ?? SessionMode.Hybrid;

    /// <summary>Fewest replicas this one assumes when it shares the org's rate on its own.</summary>
    public int ReplicaFloor => Math.Max(1, Replicas ?? 1);
}
