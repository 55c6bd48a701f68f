using Refold.Mcp.Server.Tools;
using StackExchange.Redis;

namespace Refold.Mcp.Server.Scale;

/// <summary>Spent confirmation tickets in Redis (<c>SET NX</c> with the ticket's expiry), so a ticket answered to one replica cannot be replayed on another.</summary>
public sealed class RedisTicketLedger(RedisLink link) : TicketLedger
{
    public const string KeyPrefix = "refold:ticket:";

    public override async Task<bool?> TrySpendAsync(string nonce, DateTimeOffset expires, DateTimeOffset now)
    {
        var life = expires - now;
        try
        {
            return await link.Database.StringSetAsync(KeyPrefix + nonce, 1, life > TimeSpan.FromSeconds(1) ? life : TimeSpan.FromSeconds(1), When.NotExists).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Fail closed: a ticket that cannot be spent once is not accepted at all.
            link.Failed(e);
            return null;
        }
    }
}
