using System.Threading.RateLimiting;

namespace Refold.Api.Resilience;

/// <summary>
/// The rate limit every Refold attempt pays a permit to: one bucket per upstream org, whatever credential the call is
/// made with. The in-process <see cref="OrgRateLimiters"/> is the default; a shared store (one bucket for several
/// server processes) replaces it by registering another implementation before <c>AddRefoldClient</c>.
/// </summary>
public interface IRefoldRateLimiter
{
    /// <summary>Waits for a permit of the bucket behind <paramref name="limiterKey"/> (see <see cref="Client.RefoldCredential.LimiterKey"/>).</summary>
    ValueTask<RateLimitLease> AcquireAsync(string limiterKey, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the credential behind <paramref name="limiterKey"/> acts for org <paramref name="orgId"/> (learnt from
    /// Refold's answers): from then on its calls draw from that org's bucket. Keys that already name an org are left alone.
    /// </summary>
    void LearnOrg(string limiterKey, string orgId);

    /// <summary>The bucket <paramref name="limiterKey"/> draws from now: <c>org:ID</c> once its org is known, else the key itself.</summary>
    string BucketOf(string limiterKey);
}
