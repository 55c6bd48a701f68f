using System.Text.Json.Nodes;

namespace Refold.Emulator.State;

/// <summary>The data of one org in one environment: named collections of JSON documents.</summary>
public sealed class Partition
{
    private readonly EmulatorState _state;
    private readonly Dictionary<string, List<JsonObject>> _collections;

    internal Partition(EmulatorState state, string orgId, string environment, Dictionary<string, List<JsonObject>> collections)
    {
        _state = state;
        OrgId = orgId;
        Environment = environment;
        _collections = collections;
    }

    public string OrgId { get; }

    /// <summary><c>test</c> or <c>production</c>.</summary>
    public string Environment { get; }

    /// <summary>The state this partition belongs to.</summary>
    public EmulatorState State => _state;

    /// <summary>The collection with this name (see <see cref="Collections"/>), created empty on first use.</summary>
    public DocumentCollection Collection(string name)
    {
        lock (_state.Gate)
        {
            if (!_collections.TryGetValue(name, out var docs))
            {
                docs = [];
                _collections[name] = docs;
            }

            return new DocumentCollection(_state, this, name, docs);
        }
    }

    /// <summary>The live collections, for persistence; read only under the state lock.</summary>
    internal Dictionary<string, List<JsonObject>> Raw => _collections;

    public override string ToString() => $"{OrgId} ({Environment})";
}
