using System.Runtime.CompilerServices;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Sessions;

/// <summary>
/// One <see cref="AccountToolSource"/> per <see cref="RefoldSession"/> that acts for one linked account (a session
/// token, or an org key with a default account), when account tools are switched on; it lives as long as that session.
/// </summary>
public sealed class AccountToolSources(AccountToolOptions options)
{
    private readonly ConditionalWeakTable<RefoldSession, AccountToolSource> _sources = [];

    public AccountToolOptions Options { get; } = options;

    /// <summary>The source of <paramref name="session"/>, or null when it gets no account tools.</summary>
    public AccountToolSource? For(RefoldSession session) =>
        Options.Any && session.Tools.Shape.SuppliesAccount() ? _sources.GetValue(session, s => new AccountToolSource(s, Options)) : null;
}
