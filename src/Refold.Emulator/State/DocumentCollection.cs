using System.Text.Json.Nodes;

namespace Refold.Emulator.State;

/// <summary>
/// A Mongo-like collection of JSON documents in one partition, in insertion order. Inserted documents get a
/// 24-hex <c>_id</c> (unless they bring one), <c>createdAt</c>, <c>updatedAt</c> and <c>__v</c>. Every method takes
/// the state lock; every document returned is a copy, so callers can shape it into a response freely.
/// </summary>
public sealed class DocumentCollection
{
    private readonly EmulatorState _state;
    private readonly List<JsonObject> _docs;

    internal DocumentCollection(EmulatorState state, Partition partition, string name, List<JsonObject> docs)
    {
        _state = state;
        _docs = docs;
        Partition = partition;
        Name = name;
    }

    public Partition Partition { get; }

    public string Name { get; }

    public int Count
    {
        get
        {
            lock (_state.Gate)
            {
                return _docs.Count;
            }
        }
    }

    /// <summary>Stores a copy of <paramref name="document"/> with id, timestamps and version added; returns the stored form.</summary>
    public JsonObject Insert(JsonObject document)
    {
        var now = _state.Timestamp();
        var stored = new JsonObject { ["_id"] = document["_id"]?.DeepClone() ?? _state.NewObjectId() };
        foreach (var (key, value) in document)
        {
            if (key != "_id")
            {
                stored[key] = value?.DeepClone();
            }
        }

        stored["createdAt"] ??= now;
        stored["updatedAt"] ??= now;
        stored["__v"] ??= 0;
        lock (_state.Gate)
        {
            _docs.Add(stored);
            _state.Changed();
            return (JsonObject)stored.DeepClone();
        }
    }

    /// <summary>The document with this <c>_id</c>, or null.</summary>
    public JsonObject? Get(string id) => FindOne(d => Doc.Is(d, "_id", id));

    /// <summary>The first document that matches, or null.</summary>
    public JsonObject? FindOne(Func<JsonObject, bool> match)
    {
        lock (_state.Gate)
        {
            return (JsonObject?)_docs.FirstOrDefault(match)?.DeepClone();
        }
    }

    /// <summary>Every document that matches (all when <paramref name="match"/> is null), in insertion order.</summary>
    public List<JsonObject> Find(Func<JsonObject, bool>? match = null)
    {
        lock (_state.Gate)
        {
            return [.. _docs.Where(d => match is null || match(d)).Select(d => (JsonObject)d.DeepClone())];
        }
    }

    /// <summary>Changes the document with this <c>_id</c> in place and returns its new form, or null when there is none.</summary>
    public JsonObject? Update(string id, Action<JsonObject> change) => UpdateOne(d => Doc.Is(d, "_id", id), change);

    /// <summary>Changes the first matching document in place (bumping <c>updatedAt</c> and <c>__v</c>); null when none matches.</summary>
    public JsonObject? UpdateOne(Func<JsonObject, bool> match, Action<JsonObject> change)
    {
        lock (_state.Gate)
        {
            var doc = _docs.FirstOrDefault(match);
            if (doc is null)
            {
                return null;
            }

            Touch(doc, change);
            return (JsonObject)doc.DeepClone();
        }
    }

    /// <summary>Changes every matching document; returns their new forms.</summary>
    public List<JsonObject> UpdateMany(Func<JsonObject, bool> match, Action<JsonObject> change)
    {
        lock (_state.Gate)
        {
            var changed = new List<JsonObject>();
            foreach (var doc in _docs.Where(match))
            {
                Touch(doc, change);
                changed.Add((JsonObject)doc.DeepClone());
            }

            return changed;
        }
    }

    /// <summary>Removes the document with this <c>_id</c>; false when there was none.</summary>
    public bool Delete(string id) => DeleteWhere(d => Doc.Is(d, "_id", id)) > 0;

    /// <summary>Removes every matching document; returns how many.</summary>
    public int DeleteWhere(Func<JsonObject, bool> match)
    {
        lock (_state.Gate)
        {
            var removed = _docs.RemoveAll(d => match(d));
            if (removed > 0)
            {
                _state.Changed();
            }

            return removed;
        }
    }

    private void Touch(JsonObject doc, Action<JsonObject> change)
    {
        change(doc);
        doc["updatedAt"] = _state.Timestamp();
        doc["__v"] = (doc["__v"]?.GetValue<int>() ?? 0) + 1;
        _state.Changed();
    }
}
