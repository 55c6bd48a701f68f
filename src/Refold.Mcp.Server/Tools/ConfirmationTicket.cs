using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The MRTR request state of one confirmation question: which call it was asked for (a hash of the operation, its
/// arguments and the credential), until when it holds and a nonce, signed with the server's ticket key (random per
/// process, or <c>REFOLD_TICKET_KEY</c> shared by every replica). An answer counts only with a ticket issued for
/// exactly this call, once (the <see cref="TicketLedger"/> remembers spent ones, in Redis for replicas); so a client
/// cannot skip the question by sending an answer it was never asked for, reuse one answer for another call, or replay it.
/// </summary>
public sealed class ConfirmationTicket(byte[] key, TicketLedger ledger)
{
    /// <summary>How long a human may take to answer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>What a ticket check found.</summary>
    public enum Check
    {
        /// <summary>Issued by this key for this call, unexpired, and now spent.</summary>
        Valid,

        /// <summary>Missing, forged, for another call, expired or already spent.</summary>
        Invalid,

        /// <summary>Genuine, but the ledger of spent tickets cannot be reached, so it cannot be spent once: refused.</summary>
        LedgerUnavailable,
    }

    /// <summary>A key of <paramref name="secret"/> (shared by replicas), or a random one.</summary>
    public static ConfirmationTicket Create(string? secret, TicketLedger ledger) =>
        new(secret is null ? RandomNumberGenerator.GetBytes(32) : SHA256.HashData(Encoding.UTF8.GetBytes(secret)), ledger);

    /// <summary>A new ticket for the call identified by <paramref name="binding"/>.</summary>
    public string Issue(string binding, DateTimeOffset now)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var payload = string.Create(CultureInfo.InvariantCulture, $"{nonce}.{(now + Lifetime).ToUnixTimeSeconds()}.{Hash(binding)}");
        return payload + "." + Sign(payload);
    }

    /// <summary>
    /// <see cref="Check.Valid"/> once for a ticket this key signed for <paramref name="binding"/> that has not expired;
    /// the ticket is spent by the call, so a second use, on any replica sharing the ledger, is <see cref="Check.Invalid"/>.
    /// </summary>
    public async Task<Check> RedeemAsync(string? ticket, string binding, DateTimeOffset now)
    {
        var parts = ticket?.Split('.');
        if (parts is not { Length: 4 }
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(string.Join('.', parts[..3]))), Encoding.ASCII.GetBytes(parts[3]))
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) < now
            || parts[2] != Hash(binding))
        {
            return Check.Invalid;
        }

        return await ledger.TrySpendAsync(parts[0], DateTimeOffset.FromUnixTimeSeconds(expires), now).ConfigureAwait(false) switch
        {
            true => Check.Valid,
            false => Check.Invalid,
            null => Check.LedgerUnavailable,
        };
    }

    private string Sign(string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));

    private static string Hash(string binding) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(binding)))[..32];
}
