using System.Globalization;
using Refold.Mcp.Server.Cli;

namespace Refold.Mcp.Server.Scale;

/// <summary>
/// Completes the <see cref="ScaleOptions"/> the flags gave with <c>REFOLD_REDIS</c>, <c>REFOLD_SESSION_MODE</c>,
/// <c>REFOLD_REPLICAS</c>, <c>REFOLD_TICKET_KEY</c> and the <c>Scale</c> section of <c>--config</c>
/// (<c>Redis</c>, <c>SessionMode</c>, <c>Replicas</c>); flags win over variables over the file. Checks them.
/// </summary>
public static class ScaleSettings
{
    public const string Section = "Scale";
    public const string RedisVariable = "REFOLD_REDIS";
    public const string SessionModeVariable = "REFOLD_SESSION_MODE";
    public const string ReplicasVariable = "REFOLD_REPLICAS";
    public const string TicketKeyVariable = "REFOLD_TICKET_KEY";

    /// <summary>Shortest ticket key accepted: 32 characters (e.g. <c>openssl rand -base64 32</c> gives 44).</summary>
    public const int MinTicketKeyLength = 32;

    /// <exception cref="UsageException">A value that cannot be read, or a scale-out without a shared ticket key.</exception>
    public static ScaleOptions Resolve(ServerOptions options, Func<string, string?> environment)
    {
        var file = Hosting.ConfigFile.Section(options.ConfigFile, Section);
        string? From(string variable, string key) => Blank(environment(variable)) ?? Blank(file?[key]);

        var given = options.Scale;
        var scale = given with
        {
            Redis = given.Redis ?? From(RedisVariable, "Redis"),
            Mode = given.Mode ?? (From(SessionModeVariable, "SessionMode") is { } mode ? ParseMode(mode, SessionModeVariable) : null),
            Replicas = given.Replicas ?? (From(ReplicasVariable, "Replicas") is { } n ? ParseReplicas(n, ReplicasVariable) : null),
            TicketKey = given.TicketKey ?? Blank(environment(TicketKeyVariable)),
        };
        Check(scale, options.Transport);
        return scale;
    }

    /// <summary>Reads <c>stateless</c> or <c>hybrid</c>.</summary>
    public static SessionMode ParseMode(string value, string source) => value.Trim().ToLowerInvariant() switch
    {
        "stateless" => SessionMode.Stateless,
        "hybrid" => SessionMode.Hybrid,
        _ => throw new UsageException($"{source} must be 'stateless' or 'hybrid', got '{value}'."),
    };

    /// <summary>Reads a replica count from 1 to 1000.</summary>
    public static int ParseReplicas(string value, string source) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000
            ? n
            : throw new UsageException($"{source} must be a whole number from 1 to 1000 (the replicas you run), got '{value}'.");

    private static void Check(ScaleOptions scale, Transport transport)
    {
        if (scale.Redis is { } redis)
        {
            try
            {
                StackExchange.Redis.ConfigurationOptions.Parse(redis);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--redis / {RedisVariable} is not a Redis connection string ({e.Message}); give e.g. 'redis.internal:6379' or 'host:6379,password=...,ssl=true'.");
            }
        }

        if (scale.TicketKey is { Length: < MinTicketKeyLength })
        {
            throw new UsageException($"{TicketKeyVariable} must be at least {MinTicketKeyLength} characters; generate one with 'openssl rand -base64 32' and give every replica the same.");
        }

        // 2026-07-28 clients are served per request in either mode, so any replica may get the answer to another's question.
        if (transport == Transport.Http && scale.TicketKey is null && (scale.Redis is not null || scale.ReplicaFloor > 1))
        {
            throw new UsageException($"Several replicas (--redis or --replicas above 1) need {TicketKeyVariable}: a confirmation asked by one replica is answered to any of them, so all must sign tickets with one key. Set the same random value of at least {MinTicketKeyLength} characters on every replica ('openssl rand -base64 32').");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
