using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.DependencyInjection;
using Refold.Mcp.Server.Cli;
using Refold.Mcp.Server.Hosting;

namespace Refold.Mcp.Server.Http;

/// <summary>
/// The reverse proxies (addresses or CIDR ranges) whose <c>X-Forwarded-For</c> names the real client: the client
/// address the per-address budgets (<see cref="AddressGate"/>) and the logs use comes from that header only when the
/// direct peer is one of them; from anyone else the header is ignored, so a client cannot pick its own address.
/// Set by <c>--trusted-proxies</c>, else <c>REFOLD_TRUSTED_PROXIES</c>, else the <c>Http</c> section's
/// <c>TrustedProxies</c> of <c>--config</c> (a comma-separated string or an array): <see cref="Setting"/>.
/// </summary>
public static class TrustedProxies
{
    public const string Flag = "--trusted-proxies";
    public const string Variable = "REFOLD_TRUSTED_PROXIES";
    public const string ConfigKey = "Http:TrustedProxies";

    public static Setting Setting { get; } = Setting.Of(Flag, Variable, ConfigKey, "a,b",
        "HTTP: reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For gives the client address; from any other peer the header is ignored (default none)",
        (text, source) => Read(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), source),
        o => o.TrustedProxies is not null, (o, v) => o with { TrustedProxies = v });

    /// <summary>Checks every entry is an IP address or a CIDR range; the message names the one that is not.</summary>
    /// <exception cref="FormatException">An entry that is neither, or an empty list.</exception>
    public static IReadOnlyList<string> Read(IReadOnlyList<string> entries, string source)
    {
        if (entries.Count == 0)
        {
            throw new FormatException($"{source} needs at least one proxy address or CIDR range, e.g. {Flag} 10.0.0.5,10.1.0.0/16.");
        }

        foreach (var entry in entries)
        {
            if (!IPAddress.TryParse(entry, out _) && !IPNetwork.TryParse(entry, out _))
            {
                throw new FormatException($"{source}: '{entry}' is neither an IP address nor a CIDR range (e.g. 10.0.0.5, 10.1.0.0/16, fd00::/8).");
            }
        }

        return entries;
    }

    /// <summary>Registers the forwarded-headers options for the listed proxies only (none trusted when the list is absent).</summary>
    public static void AddTrustedProxies(this IServiceCollection services, IReadOnlyList<string>? proxies)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // The framework trusts loopback by default; here only what the operator listed is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // A chain of listed proxies is walked back to the first address none of them is.
            o.ForwardLimit = null;
            foreach (var entry in proxies ?? [])
            {
                if (IPAddress.TryParse(entry, out var address))
                {
                    o.KnownProxies.Add(address);
                }
                else
                {
                    o.KnownIPNetworks.Add(IPNetwork.Parse(entry));
                }
            }
        });
    }

    /// <summary>Takes the client address from <c>X-Forwarded-For</c> when the peer is a listed proxy; does nothing when none is listed.</summary>
    public static void UseTrustedProxies(this WebApplication app, IReadOnlyList<string>? proxies)
    {
        if (proxies is { Count: > 0 })
        {
            app.UseForwardedHeaders();
        }
    }
}
