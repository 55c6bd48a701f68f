namespace Refold.Api.Client;

/// <summary>A thread-safe map holding at most <c>capacity</c> entries; adding one more forgets the least recently used.</summary>
public sealed class BoundedCache<TValue>(int capacity)
    where TValue : class
{
    private readonly Dictionary<string, LinkedListNode<(string Key, TValue Value)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, TValue Value)> _order = new();

    public int Count
    {
        get
        {
            lock (_map)
            {
                return _map.Count;
            }
        }
    }

    public TValue? Get(string key)
    {
        lock (_map)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Value;
        }
    }

    public void Set(string key, TValue value)
    {
        lock (_map)
        {
            if (_map.Remove(key, out var old))
            {
                _order.Remove(old);
            }

            while (_map.Count >= capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _map.Remove(oldest.Value.Key);
            }

            _map[key] = _order.AddFirst((key, value));
        }
    }

    /// <summary>Forgets <paramref name="key"/> when it holds <paramref name="value"/> (and not a newer value).</summary>
    public void Remove(string key, TValue value)
    {
        lock (_map)
        {
            if (_map.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Value, value))
            {
                _order.Remove(node);
                _map.Remove(key);
            }
        }
    }

    /// <summary>The value under <paramref name="key"/>, created by <paramref name="create"/> when absent.</summary>
    public TValue GetOrAdd(string key, Func<TValue> create)
    {
        lock (_map)
        {
            if (Get(key) is { } known)
            {
                return known;
            }

            var value = create();
            Set(key, value);
            return value;
        }
    }
}
