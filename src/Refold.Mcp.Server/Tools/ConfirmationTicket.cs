using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The MRTR request state of one confirmation question: which call it was asked for (a hash of the operation, its
/// arguments and the credential), until when it holds and a nonce, signed with a key that never leaves this process.
/// An answer counts only with a ticket this server issued for exactly this call, once; so a client cannot skip the
/// question by sending an answer it was never asked for, reuse one answer for another call, or replay it.
/// </summary>
internal static class ConfirmationTicket
{
    /// <summary>How long a human may take to answer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly ConcurrentDictionary<string, DateTimeOffset> Spent = new(StringComparer.Ordinal);

    /// <summary>A new ticket for the call identified by <paramref name="binding"/>.</summary>
    public static string Issue(string binding, DateTimeOffset now)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var payload = string.Create(CultureInfo.InvariantCulture, $"{nonce}.{(now + Lifetime).ToUnixTimeSeconds()}.{Hash(binding)}");
        return payload + "." + Sign(payload);
    }

    /// <summary>
    /// True once for a ticket this process issued for <paramref name="binding"/> that has not expired; the ticket is
    /// spent by the call, so a second use returns false.
    /// </summary>
    public static bool Redeem(string? ticket, string binding, DateTimeOffset now)
    {
        var parts = ticket?.Split('.');
        if (parts is not { Length: 4 }
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(string.Join('.', parts[..3]))), Encoding.ASCII.GetBytes(parts[3]))
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) < now
            || parts[2] != Hash(binding))
        {
            return false;
        }

        foreach (var (nonce, until) in Spent)
        {
            if (until < now)
            {
                Spent.TryRemove(nonce, out _);
            }
        }

        return Spent.TryAdd(parts[0], DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    private static string Sign(string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(payload)));

    private static string Hash(string binding) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(binding)))[..32];
}
