using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Refold.Emulator.State;

/// <summary>
/// Everything the emulator knows: orgs with their API keys, and per org+environment partition named collections
/// of Mongo-style JSON documents. Thread-safe: one lock guards the whole state (see <see cref="Atomically{T}"/>);
/// documents handed out are copies. Persisted to <see cref="DataPath"/> when one is set.
/// </summary>
public sealed class EmulatorState
{
    private readonly Lock _gate = new();
    private readonly Lock _saveGate = new();
    private readonly List<OrgRecord> _orgs = [];
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly byte[] _idPrefix = RandomNumberGenerator.GetBytes(5);
    private int _idCounter = RandomNumberGenerator.GetInt32(0, 0xFFFFFF);
    private long _changes;
    private long _savedChanges;

    internal EmulatorState(TimeProvider time, string? dataPath)
    {
        Time = time;
        DataPath = dataPath;
        SigningKey = RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The clock of every timestamp.</summary>
    public TimeProvider Time { get; }

    /// <summary>The JSON file the state is persisted to; null when in memory only.</summary>
    public string? DataPath { get; }

    /// <summary>Key the emulator signs session tokens with (HS256); persisted so tokens survive a restart.</summary>
    internal byte[] SigningKey { get; private set; }

    /// <summary>True when the state came from <see cref="DataPath"/> rather than starting empty.</summary>
    public bool Loaded { get; private set; }

    /// <summary>The orgs, with their API keys.</summary>
    public IReadOnlyList<OrgRecord> Orgs
    {
        get
        {
            lock (_gate)
            {
                return [.. _orgs];
            }
        }
    }

    /// <summary>Every partition that holds data.</summary>
    public IReadOnlyList<Partition> Partitions
    {
        get
        {
            lock (_gate)
            {
                return [.. _partitions.Values];
            }
        }
    }

    /// <summary>Now, on the emulator's clock.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Now as Refold writes timestamps: ISO-8601 UTC with milliseconds.</summary>
    public string Timestamp() => Iso(Now);

    /// <summary>A timestamp as Refold writes it, e.g. <c>2026-03-02T10:00:00.000Z</c>.</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new 24-hex Mongo ObjectId: seconds of the emulator's clock, a per-run random part, a counter.</summary>
    public string NewObjectId()
    {
        Span<byte> id = stackalloc byte[12];
        var seconds = (uint)Math.Clamp(Now.ToUnixTimeSeconds(), 0, uint.MaxValue);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(id, seconds);
        _idPrefix.CopyTo(id[4..]);
        var counter = Interlocked.Increment(ref _idCounter) & 0xFFFFFF;
        id[9] = (byte)(counter >> 16);
        id[10] = (byte)(counter >> 8);
        id[11] = (byte)counter;
        return Convert.ToHexStringLower(id);
    }

    /// <summary>Runs <paramref name="action"/> under the state lock, so a read-modify-write over several documents is atomic.</summary>
    public T Atomically<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    /// <inheritdoc cref="Atomically{T}(Func{T})"/>
    public void Atomically(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    internal Lock Gate => _gate;

    /// <summary>The data of one org in one environment (created empty on first use).</summary>
    public Partition Partition(string orgId, string environment)
    {
        lock (_gate)
        {
            var key = orgId + ":" + environment;
            if (!_partitions.TryGetValue(key, out var partition))
            {
                partition = new Partition(this, orgId, environment, new(StringComparer.Ordinal));
                _partitions[key] = partition;
            }

            return partition;
        }
    }

    /// <summary>The partition an API key acts in, or null for an unknown key.</summary>
    public Partition? PartitionForApiKey(string apiKey) =>
        FindApiKey(apiKey) is { } found ? Partition(found.Org.Id, found.Environment) : null;

    /// <summary>The org and environment of an API key, or null when no org has it.</summary>
    public (OrgRecord Org, string Environment)? FindApiKey(string apiKey)
    {
        lock (_gate)
        {
            foreach (var org in _orgs)
            {
                if (org.ApiKeys.Any(k => CryptographicOperations.FixedTimeEquals(
                        System.Text.Encoding.UTF8.GetBytes(k), System.Text.Encoding.UTF8.GetBytes(apiKey))))
                {
                    return (org, EmulatorOptions.EnvironmentOfKey(apiKey)!);
                }
            }

            return null;
        }
    }

    /// <summary>The org with this id, or null.</summary>
    public OrgRecord? FindOrg(string orgId)
    {
        lock (_gate)
        {
            return _orgs.FirstOrDefault(o => o.Id == orgId);
        }
    }

    /// <summary>The API key of an org in an environment (webhook signatures are keyed with it), or null.</summary>
    public string? ApiKeyOf(string orgId, string environment) =>
        FindOrg(orgId)?.ApiKeys.FirstOrDefault(k => EmulatorOptions.EnvironmentOfKey(k) == environment);

    /// <summary>
    /// Adds an org, or gives an existing one another API key. Tests use it for a second org; the key's prefix
    /// (<c>tk</c>/<c>pk</c>) sets its environment.
    /// </summary>
    public OrgRecord AddOrg(string apiKey, string? orgId = null, string? name = null)
    {
        if (EmulatorOptions.EnvironmentOfKey(apiKey) is null)
        {
            throw new ArgumentException("An API key must start with 'tk' or 'pk'.", nameof(apiKey));
        }

        lock (_gate)
        {
            if (FindApiKey(apiKey) is { } existing)
            {
                return existing.Org;
            }

            orgId ??= NewObjectId();
            var org = _orgs.FirstOrDefault(o => o.Id == orgId);
            if (org is null)
            {
                org = new OrgRecord { Id = orgId, Name = name ?? "Org " + orgId[^6..] };
                _orgs.Add(org);
            }

            org.ApiKeys.Add(apiKey);
            Changed();
            return org;
        }
    }

    /// <summary>Removes an org, its API keys and the data of all its environments; false when there is no such org.</summary>
    public bool RemoveOrg(string orgId)
    {
        lock (_gate)
        {
            if (_orgs.RemoveAll(o => o.Id == orgId) == 0)
            {
                return false;
            }

            foreach (var key in _partitions.Where(p => p.Value.OrgId == orgId).Select(p => p.Key).ToList())
            {
                _partitions.Remove(key);
            }

            Changed();
            return true;
        }
    }

    /// <summary>Records that something changed, so the next <see cref="SaveIfChanged"/> writes the file.</summary>
    internal void Changed() => Interlocked.Increment(ref _changes);

    /// <summary>Writes the state to <see cref="DataPath"/> when something changed since the last write.</summary>
    public void SaveIfChanged()
    {
        if (DataPath is null || Interlocked.Read(ref _changes) == Interlocked.Read(ref _savedChanges))
        {
            return;
        }

        lock (_saveGate)
        {
            long changes;
            byte[] bytes;
            lock (_gate)
            {
                changes = Interlocked.Read(ref _changes);
                if (changes == Interlocked.Read(ref _savedChanges))
                {
                    return;
                }

                bytes = JsonSerializer.SerializeToUtf8Bytes(Snapshot(), StateJsonContext.Default.StateFile);
            }

            var full = Path.GetFullPath(DataPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = full + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
            Interlocked.Exchange(ref _savedChanges, changes);
        }
    }

    /// <summary>Loads <see cref="DataPath"/> if the file exists; returns true when it did.</summary>
    internal bool Load()
    {
        if (DataPath is null || !File.Exists(DataPath))
        {
            return false;
        }

        StateFile file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllBytes(DataPath), StateJsonContext.Default.StateFile)
                ?? throw new InvalidDataException("empty document");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The emulator state file '{DataPath}' is not valid JSON: {e.Message}", e);
        }

        lock (_gate)
        {
            _orgs.Clear();
            _orgs.AddRange(file.Orgs);
            _partitions.Clear();
            foreach (var p in file.Partitions)
            {
                var collections = p.Collections.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
                _partitions[p.OrgId + ":" + p.Environment] = new Partition(this, p.OrgId, p.Environment, collections);
            }

            if (file.SigningKey is { Length: > 0 } key)
            {
                SigningKey = Convert.FromBase64String(key);
            }

            Loaded = true;
        }

        return true;
    }

    private StateFile Snapshot() => new()
    {
        SigningKey = Convert.ToBase64String(SigningKey),
        Orgs = [.. _orgs],
        Partitions = [.. _partitions.Values.Select(p => new PartitionFile
        {
            OrgId = p.OrgId,
            Environment = p.Environment,
            Collections = p.Raw,
        })],
    };
}

/// <summary>An org of the emulator: its id, name and API keys (one per environment at most, usually).</summary>
public sealed class OrgRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public List<string> ApiKeys { get; init; } = [];
}

/// <summary>The JSON file the state is persisted to.</summary>
internal sealed class StateFile
{
    public int Version { get; set; } = 1;

    public string? SigningKey { get; set; }

    public List<OrgRecord> Orgs { get; set; } = [];

    public List<PartitionFile> Partitions { get; set; } = [];
}

internal sealed class PartitionFile
{
    public required string OrgId { get; set; }

    public required string Environment { get; set; }

    public Dictionary<string, List<JsonObject>> Collections { get; set; } = [];
}
