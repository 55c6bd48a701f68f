using System.Text.Json.Nodes;
using Refold.Api.Errors;
using Refold.Api.Operations;

namespace Refold.Api.Client;

/// <summary>
/// Mints linked accounts' session tokens with an org key (<c>generate_session_token</c>, sent through that key's own
/// client) and keeps each until shortly before it expires: one mint per org key and account, concurrent first callers
/// share it, at most <see cref="Capacity"/> remembered (the least recently used is forgotten first). A failed mint is
/// not remembered. Tokens never leave this class except inside the credentials it hands out.
/// </summary>
public sealed class SessionTokenMinter(TimeProvider time)
{
    /// <summary>Most tokens remembered.</summary>
    public const int Capacity = 10_000;

    /// <summary>A token is replaced this long before it expires (or at half its lifetime, when that is shorter).</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    /// <summary>What a token is trusted for when Refold says neither <c>expires_in</c> nor an <c>exp</c> claim.</summary>
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromMinutes(10);

    private readonly BoundedCache<Entry> _tokens = new(Capacity);
    private readonly Lock _gate = new();

    /// <summary>
    /// A session token for <paramref name="linkedAccountId"/>, minted with <paramref name="orgKey"/>'s API key the first
    /// time and when the remembered one is about to expire; a renewal asks Refold for a fresh token (<c>force_refresh</c>),
    /// since Refold would otherwise hand back the expiring one.
    /// </summary>
    /// <exception cref="RefoldApiException">When Refold refuses the mint (an unknown account, a refused key, ...).</exception>
    public Task<SessionTokenCredential> TokenForAsync(RefoldClient orgKey, string linkedAccountId, CancellationToken cancellationToken)
    {
        if (orgKey.Credential is not ApiKeyCredential)
        {
            throw new ArgumentException("Session tokens are minted with an org API key.", nameof(orgKey));
        }

        var key = Key(orgKey, linkedAccountId);
        Entry entry;
        lock (_gate)
        {
            var known = _tokens.Get(key);
            if (known is null || known.Unusable(time.GetUtcNow()))
            {
                var renewal = known is not null;
                entry = new Entry(() => MintAsync(orgKey, linkedAccountId, force: renewal));
                _tokens.Set(key, entry);
            }
            else
            {
                entry = known;
            }
        }

        var minting = entry.Minted;
        if (!minting.IsCompleted)
        {
            // A failed mint is forgotten, so the next caller asks again instead of getting the same failure.
            _ = minting.ContinueWith(t => _tokens.Remove(key, entry), CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        }

        return Completed(minting, cancellationToken);
    }

    /// <summary>Forgets the remembered token of the account (Refold refused it, or it was revoked), so the next call mints anew.</summary>
    public void Forget(RefoldClient orgKey, string linkedAccountId, SessionTokenCredential token)
    {
        var key = Key(orgKey, linkedAccountId);
        lock (_gate)
        {
            if (_tokens.Get(key) is { } known && known.Minted.IsCompletedSuccessfully && ReferenceEquals(known.Minted.Result.Token, token))
            {
                _tokens.Remove(key, known);
            }
        }
    }

    private static async Task<SessionTokenCredential> Completed(Task<Minted> minting, CancellationToken cancellationToken) =>
        (await minting.WaitAsync(cancellationToken).ConfigureAwait(false)).Token;

    private async Task<Minted> MintAsync(RefoldClient orgKey, string linkedAccountId, bool force)
    {
        await Task.Yield();
        var arguments = new JsonObject { ["linked_account_id"] = linkedAccountId };
        if (force)
        {
            arguments["force_refresh"] = "true";
        }

        // Shared by every caller waiting for it, so no one caller's cancellation stops it.
        var answer = await orgKey.SendAsync(SessionTokens.GenerateSessionToken, arguments, CancellationToken.None).ConfigureAwait(false);
        var text = answer?["token"] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
        if (text is null)
        {
            throw new RefoldApiException(RefoldErrorMapper.Local(SessionTokens.GenerateSessionToken, RefoldErrorKind.InvalidResponse, "NO_TOKEN",
                $"Refold's answer to generate_session_token for linked account {linkedAccountId} carried no token."));
        }

        var token = (SessionTokenCredential)RefoldCredential.FromSessionToken(text);
        var now = time.GetUtcNow();
        var lifetime = answer?["expires_in"] is JsonValue e && e.TryGetValue<double>(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : token.Claims?.ExpiresAt is { } expires && expires > now ? expires - now : UnknownLifetime;
        var margin = lifetime / 2 < RenewBefore ? lifetime / 2 : RenewBefore;
        return new Minted(token, now + lifetime - margin);
    }

    // The key's limiter key is a one-way fingerprint of it: never the secret.
    private static string Key(RefoldClient orgKey, string linkedAccountId) => orgKey.Credential!.LimiterKey + "\n" + linkedAccountId;

    private sealed record Minted(SessionTokenCredential Token, DateTimeOffset RenewAt);

    private sealed class Entry(Func<Task<Minted>> mint)
    {
        private readonly Lazy<Task<Minted>> _minted = new(mint);

        public Task<Minted> Minted => _minted.Value;

        /// <summary>True when a new mint is needed: this one failed or its token is due for renewal. A mint in flight is shared.</summary>
        public bool Unusable(DateTimeOffset now) =>
            _minted.IsValueCreated && Minted.IsCompleted && (!Minted.IsCompletedSuccessfully || Minted.Result.RenewAt <= now);
    }
}
