using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// The caching hints every tools/list answer carries (<c>ttlMs</c>, <c>cacheScope</c>). A list of catalog tools is
/// fixed for the life of the server, so it may be kept for <see cref="StaticLifetime"/>; a list with account tools
/// is read again once its read is <see cref="Sessions.AccountToolOptions.Lifetime"/> old, so it may be kept that long
/// (and a stateful session hears <c>notifications/tools/list_changed</c> sooner when it changes). The list is private
/// when it depends on the caller: over HTTP each session's credential decides it, and account tools name one
/// customer's workflows and apps.
/// </summary>
public static class ToolListCaching
{
    /// <summary>How long a list that cannot change while the server runs may be kept.</summary>
    public static TimeSpan StaticLifetime { get; } = TimeSpan.FromHours(1);

    /// <summary>Sets the hints on every tools/list answer of this server.</summary>
    /// <param name="builder">The MCP server.</param>
    /// <param name="timeToLive">How long a client may keep the list.</param>
    /// <param name="perCaller">True when the list depends on who asks (HTTP credentials, account tools).</param>
    public static IMcpServerBuilder WithToolListCaching(this IMcpServerBuilder builder, TimeSpan timeToLive, bool perCaller) =>
        builder.WithRequestFilters(filters => filters.AddListToolsFilter(next => async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken).ConfigureAwait(false);
            result.TimeToLive = timeToLive;
            result.CacheScope = perCaller ? CacheScope.Private : CacheScope.Public;
            return result;
        }));

    /// <summary>How long a client may keep the list: the account tools' lifetime when there are any, else <see cref="StaticLifetime"/>.</summary>
    public static TimeSpan TimeToLive(Sessions.AccountToolOptions accountTools) => accountTools.Any ? accountTools.Lifetime : StaticLifetime;
}
