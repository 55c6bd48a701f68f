using System.Collections.Concurrent;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// Counts each credential's open sessions (and its stateless requests in flight) so that no credential can hold more
/// than <see cref="HttpSessionOptions.MaxSessionsPerCredential"/>, and all of them together no more than
/// <see cref="HttpSessionOptions.MaxSessions"/>: a new session over either cap is refused, never made room for by
/// closing someone else's.
/// </summary>
public sealed class CredentialSessions(HttpSessionOptions options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>Why a place was refused.</summary>
    public enum Refusal
    {
        None,
        CredentialFull,
        ServerFull,
    }

    public int Cap => options.MaxSessionsPerCredential;

    /// <summary>The cap of all credentials' sessions together.</summary>
    public int TotalCap => options.MaxSessions;

    /// <summary>How many sessions all credentials hold now.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>How many sessions the credential with <paramref name="fingerprint"/> holds now.</summary>
    public int Open(string fingerprint) => _open.TryGetValue(fingerprint, out var n) ? n : 0;

    /// <summary>Takes one of the credential's places; null, with the cap that was full, when it cannot.</summary>
    public Reservation? TryReserve(string fingerprint, out Refusal refusal)
    {
        if (Interlocked.Increment(ref _total) > options.MaxSessions)
        {
            Interlocked.Decrement(ref _total);
            refusal = Refusal.ServerFull;
            return null;
        }

        while (true)
        {
            var current = Open(fingerprint);
            if (current >= options.MaxSessionsPerCredential)
            {
                Interlocked.Decrement(ref _total);
                refusal = Refusal.CredentialFull;
                return null;
            }

            if (current == 0 ? _open.TryAdd(fingerprint, 1) : _open.TryUpdate(fingerprint, current + 1, current))
            {
                refusal = Refusal.None;
                return new Reservation(this, fingerprint);
            }
        }
    }

    private void Release(string fingerprint)
    {
        while (true)
        {
            var current = Open(fingerprint);
            if (current == 0)
            {
                return;
            }

            if (current == 1 ? _open.TryRemove(new KeyValuePair<string, int>(fingerprint, current)) : _open.TryUpdate(fingerprint, current - 1, current))
            {
                Interlocked.Decrement(ref _total);
                return;
            }
        }
    }

    /// <summary>
    /// One place of a credential. The request that took it gives it back when it ends, unless a stateful session
    /// started from it (<see cref="TryHandOver"/>), which then gives it back when the session closes.
    /// </summary>
    public sealed class Reservation(CredentialSessions owner, string fingerprint)
    {
        private int _state; // 0 held by the request, 1 handed to a session, 2 released

        /// <summary>The session takes the place over; false when the request already gave it back.</summary>
        public bool TryHandOver() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        /// <summary>Gives the place back if the request still holds it.</summary>
        public void ReleaseFromRequest()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
            {
                owner.Release(fingerprint);
            }
        }

        /// <summary>The session that took the place over closed.</summary>
        public void ReleaseFromSession()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 1) == 1)
            {
                owner.Release(fingerprint);
            }
        }
    }
}
