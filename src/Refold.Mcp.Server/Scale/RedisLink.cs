using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Refold.Mcp.Server.Scale;

/// <summary>
/// This replica's connection to the shared Redis and what it knows of it: whether Redis answers (a failed command
/// marks it down, logged once; the next answer marks it up again, logged once), since when, how many replicas
/// announced themselves (<see cref="ReplicaAnnouncer"/>), and the grace after a recovery during which the shared
/// bucket is drawn at this replica's share only (see <see cref="RedisRateLimiter"/>). Commands fail fast while the
/// connection is down instead of queueing, so a call never waits on an absent Redis.
/// </summary>
public sealed partial class RedisLink : IDisposable
{
    /// <summary>
    /// Least time after Redis returns during which a replica draws the shared bucket at its share. The grace lasts on
    /// until the restarted Redis has heard from as many replicas as were counted before the outage (each announces only
    /// once it draws from Redis again), at most <see cref="LongestRecoveryGrace"/>.
    /// </summary>
    public static readonly TimeSpan RecoveryGrace = TimeSpan.FromSeconds(1);

    /// <summary>Longest grace after a recovery: a replica that has not announced by then has dropped out of the count anyway.</summary>
    public static readonly TimeSpan LongestRecoveryGrace = ReplicaAnnouncer.Lifetime;

    /// <summary>How long a failed command keeps the link down before the next command is tried again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMilliseconds(250);

    private readonly Lock _lock = new();
    private readonly ConnectionMultiplexer _connection;
    private readonly ILogger<RedisLink> _logger;
    private readonly TimeProvider _time;
    private readonly int _replicaFloor;
    private bool _up;
    private DateTimeOffset? _downSince;
    private long _retryAt;
    private long _graceUntil;
    private long _longestGraceUntil;
    private int _countedBeforeOutage;
    private int _announcedSinceRecovery;
    private int _announced;
    private int _outages;

    public RedisLink(ScaleOptions options, ILogger<RedisLink> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        _replicaFloor = options.ReplicaFloor;
        var config = ConfigurationOptions.Parse(options.Redis ?? throw new ArgumentException("RedisLink needs a Redis connection string."));
        config.AbortOnConnectFail = false;
        config.ClientName ??= "refold-mcp";
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 2000);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 1000);
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, 1000);
        config.BacklogPolicy = BacklogPolicy.FailFast;
        config.ReconnectRetryPolicy = new LinearRetry(250);
        config.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
        Endpoint = string.Join(",", config.EndPoints.Select(e => e.ToString()));
        _connection = ConnectionMultiplexer.Connect(config);
        _up = _connection.IsConnected;
        if (!_up)
        {
            _downSince = time.GetUtcNow();
            LogDown(_logger, Endpoint, Share, "not reachable at start");
        }
    }

    /// <summary>Where Redis is (host:port), for messages; never the password.</summary>
    public string Endpoint { get; }

    /// <summary>This replica's id in the announcements.</summary>
    public string ReplicaId { get; } = Guid.NewGuid().ToString("N");

    public IDatabase Database => _connection.GetDatabase();

    /// <summary>True while the last command was answered.</summary>
    public bool IsUp
    {
        get
        {
            lock (_lock)
            {
                return _up;
            }
        }
    }

    public DateTimeOffset? DownSince
    {
        get
        {
            lock (_lock)
            {
                return _downSince;
            }
        }
    }

    /// <summary>Replicas this one counts on: the larger of the operator's <c>--replicas</c> and the last announced count.</summary>
    public int Replicas => Math.Max(_replicaFloor, Volatile.Read(ref _announced));

    /// <summary>The share of an org's rate this replica keeps when it cannot reach Redis.</summary>
    public string Share => $"1/{Replicas}";

    /// <summary>True when a command is worth trying now: the link is up, or the wait after the last failure is over and the socket is back.</summary>
    public bool ShouldTry
    {
        get
        {
            lock (_lock)
            {
                return _up || (_time.GetTimestamp() >= _retryAt && _connection.IsConnected);
            }
        }
    }

    /// <summary>True during <see cref="RecoveryGrace"/> after Redis came back.</summary>
    public bool InGrace
    {
        get
        {
            lock (_lock)
            {
                var now = _time.GetTimestamp();
                return now < _graceUntil || (now < _longestGraceUntil && _announcedSinceRecovery < _countedBeforeOutage);
            }
        }
    }

    /// <summary>Outages so far: a local bucket made in an earlier one is not reused.</summary>
    public int Outages => Volatile.Read(ref _outages);

    /// <summary>
    /// Records the count of live replicas Redis reported. A restarted Redis has forgotten every announcement, so the
    /// first replicas back see a count too low (one, when this one is first): during the grace the count known before
    /// the outage is kept, or this replica would take the whole shared rate (and fall back to the whole rate at the next
    /// outage) while the others still send on their local share.
    /// </summary>
    public void Announced(int replicas)
    {
        lock (_lock)
        {
            _announcedSinceRecovery = replicas;
            var recovering = _time.GetTimestamp() < _longestGraceUntil && replicas < _countedBeforeOutage;
            Volatile.Write(ref _announced, recovering ? Math.Max(replicas, _countedBeforeOutage) : replicas);
        }
    }

    /// <summary>Redis answered: ends an outage, starting the <see cref="RecoveryGrace"/>.</summary>
    public void Succeeded()
    {
        lock (_lock)
        {
            if (_up)
            {
                return;
            }

            _up = true;
            var now = _time.GetTimestamp();
            _graceUntil = now + (long)(RecoveryGrace.TotalSeconds * _time.TimestampFrequency);
            _longestGraceUntil = now + (long)(LongestRecoveryGrace.TotalSeconds * _time.TimestampFrequency);
            _announcedSinceRecovery = 0;
            LogUp(_logger, Endpoint, _time.GetUtcNow() - (_downSince ?? _time.GetUtcNow()));
            _downSince = null;
        }
    }

    /// <summary>A command failed: marks the link down (logging it once per outage).</summary>
    public void Failed(Exception? error)
    {
        lock (_lock)
        {
            _retryAt = _time.GetTimestamp() + (long)(RetryAfterFailure.TotalSeconds * _time.TimestampFrequency);
            if (!_up)
            {
                return;
            }

            _up = false;
            _outages++;
            _countedBeforeOutage = Replicas;
            _downSince = _time.GetUtcNow();
            LogDown(_logger, Endpoint, Share, Reason(error));
        }
    }

    public void Dispose() => _connection.Dispose();

    // The client's messages carry a page of connection diagnostics; the first clause says what happened.
    private static string Reason(Exception? error)
    {
        var message = error?.Message ?? "not connected";
        var end = message.IndexOf(';', StringComparison.Ordinal);
        message = end > 0 ? message[..end] : message;
        return message.Length <= 160 ? message : message[..160] + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis at {Endpoint} is unreachable ({Reason}): this replica limits each org to its share ({Share}) of the rate on its own until Redis answers again; /readyz reports it unhealthy")]
    private static partial void LogDown(ILogger logger, string endpoint, string share, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Endpoint} answers again after {Outage}: every org's calls draw from the shared bucket again")]
    private static partial void LogUp(ILogger logger, string endpoint, TimeSpan outage);
}
