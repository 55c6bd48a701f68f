using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;

namespace Refold.Mcp.Server.Scale;

/// <summary>
/// The <see cref="ScaleOptions"/> settings: <c>--redis</c>, <c>--session-mode</c>, <c>--replicas</c> (each also a
/// <c>REFOLD_*</c> variable and a key of the <c>Scale</c> section of <c>--config</c>) and <c>REFOLD_TICKET_KEY</c>
/// (a variable only), and the check that several replicas share a ticket key.
/// </summary>
public static class ScaleSettings
{
    public const string Section = "Scale";
    public const string RedisVariable = "REFOLD_REDIS";
    public const string TicketKeyVariable = "REFOLD_TICKET_KEY";

    /// <summary>Shortest ticket key accepted: 32 characters (e.g. <c>openssl rand -base64 32</c> gives 44).</summary>
    public const int MinTicketKeyLength = 32;

    public static IReadOnlyList<Setting> All { get; } =
    [
        Setting.Of("--redis", RedisVariable, $"{Section}:Redis", "CONNECTION", "share every org's rate limit with the other replicas through this Redis (StackExchange.Redis connection string, e.g. redis.internal:6379,password=...); or REFOLD_REDIS; over HTTP needs REFOLD_TICKET_KEY, the same 32+ character key on every replica",
            ReadRedis, o => o.Scale.Redis is not null, (o, v) => o with { Scale = o.Scale with { Redis = v } }),
        Setting.Of("--session-mode", "REFOLD_SESSION_MODE", $"{Section}:SessionMode", "stateless|hybrid", "HTTP: stateless serves every request on its own, so any replica answers any request; hybrid (default) keeps sessions for 2025-11-25 clients",
            ReadMode, o => o.Scale.Mode is not null, (o, v) => o with { Scale = o.Scale with { Mode = v } }),
        Setting.Of("--replicas", "REFOLD_REPLICAS", $"{Section}:Replicas", "N", "replicas you run: a replica that cannot reach Redis keeps 1/N of an org's rate (N: at least this, or as many as announced themselves)",
            SettingReaders.WholeNumber(1, 1000), o => o.Scale.Replicas is not null, (o, v) => o with { Scale = o.Scale with { Replicas = v } }),
        Setting.Of(null, TicketKeyVariable, null, "", "",
            ReadTicketKey, o => o.Scale.TicketKey is not null, (o, v) => o with { Scale = o.Scale with { TicketKey = v } }),
    ];

    /// <summary>Checks that several replicas over HTTP share a ticket key.</summary>
    /// <exception cref="UsageException">A scale-out without a shared ticket key.</exception>
    public static void Check(ScaleOptions scale, Transport transport)
    {
        // 2026-07-28 clients are served per request in either mode, so any replica may get the answer to another's question.
        if (transport == Transport.Http && scale.TicketKey is null && (scale.Redis is not null || scale.ReplicaFloor > 1))
        {
            throw new UsageException($"Several replicas (--redis or --replicas above 1) need {TicketKeyVariable}: a confirmation asked by one replica is answered to any of them, so all must sign tickets with one key. Set the same random value of at least {MinTicketKeyLength} characters on every replica ('openssl rand -base64 32').");
        }
    }

    private static SessionMode ReadMode(string value, string source) => value.Trim().ToLowerInvariant() switch
    {
        "stateless" => SessionMode.Stateless,
        "hybrid" => SessionMode.Hybrid,
        _ => throw new FormatException($"{source} must be 'stateless' or 'hybrid', got '{value}'."),
    };

    private static string ReadRedis(string value, string source)
    {
        try
        {
            StackExchange.Redis.ConfigurationOptions.Parse(value.Trim());
            return value.Trim();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{source} is not a Redis connection string ({e.Message}); give e.g. 'redis.internal:6379' or 'host:6379,password=...,ssl=true'.");
        }
    }

    private static string ReadTicketKey(string value, string source) => value.Trim() is { Length: >= MinTicketKeyLength } key
        ? key
        : throw new FormatException($"{source} must be at least {MinTicketKeyLength} characters; generate one with 'openssl rand -base64 32' and give every replica the same.");
}
