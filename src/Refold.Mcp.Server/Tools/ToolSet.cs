using System.Collections.Frozen;
using ModelContextProtocol.Server;
using Refold.Api.Catalog;
using Refold.Api.Client;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// The tools one kind of credential gets on one surface, built once and shared read-only by every session of that
/// kind. <see cref="Operations"/> is what the session may reach at all, listed or through the catalog tools.
/// </summary>
public sealed class ToolSet
{
    private readonly FrozenSet<string> _reachable;
    private readonly FrozenDictionary<string, Operation> _byOperation;

    private ToolSet(Surface surface, CredentialShape shape, IReadOnlyList<Operation> operations)
    {
        Surface = surface;
        Shape = shape;
        Operations = operations;
        _reachable = operations.Select(o => o.Name).ToFrozenSet(StringComparer.Ordinal);
        _byOperation = operations.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
        Tools = surface.Mode == ToolMode.All ? [.. operations.Select(o => new OperationTool(o, this)), .. CompositeTools.For(this)] : CompactTools();
        ByName = Tools.ToFrozenDictionary(t => t.ProtocolTool.Name, StringComparer.Ordinal);
    }

    public Surface Surface { get; }

    public CredentialShape Shape { get; }

    /// <summary>Every operation a session of this kind may call, in catalog order.</summary>
    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>The tools listed, in a stable order.</summary>
    public IReadOnlyList<RefoldTool> Tools { get; }

    public FrozenDictionary<string, RefoldTool> ByName { get; }

    public bool Reaches(Operation operation) => _reachable.Contains(operation.Name);

    /// <summary>The operation of this name as this session sees it (an org key's account-only ones take the account, <see cref="MintedAccount"/>), or null.</summary>
    public Operation? Find(string name) => _byOperation.GetValueOrDefault(name);

    /// <summary>A fresh collection holding these (immutable) tools, for one MCP session.</summary>
    public McpServerPrimitiveCollection<McpServerTool> NewCollection()
    {
        var collection = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var tool in Tools)
        {
            collection.Add(tool);
        }

        return collection;
    }

    /// <summary>Builds the tool set of <paramref name="shape"/> on <paramref name="surface"/>.</summary>
    public static ToolSet Build(Surface surface, CredentialShape shape)
    {
        var probe = Probe(shape);
        return new ToolSet(surface, shape, [.. RefoldCatalog.Operations
            .Where(o => surface.Offers(o, shape) && (CredentialRules.Permits(o, probe) || MintedAccount.Applies(o, shape)))
            .Select(o => MintedAccount.Applies(o, shape) ? MintedAccount.Declaration(o) : o)]);
    }

    private List<RefoldTool> CompactTools()
    {
        // An org key reaches the account-only first-class tools (the session's own account) through call_*_operation instead.
        List<RefoldTool> tools = [.. Surface.CompactTools.Where(o => Reaches(o) && !MintedAccount.Applies(o, Shape)).Select(o => new OperationTool(Find(o.Name)!, this)), .. CompositeTools.For(this)];
        tools.Add(new SearchOperationsTool(this));
        tools.Add(new DescribeOperationTool(this));
        foreach (var kind in Enum.GetValues<CallKind>().Where(k => Operations.Any(o => CallOperationTool.KindOf(o) == k)))
        {
            tools.Add(new CallOperationTool(this, kind));
        }

        return tools;
    }

    // CredentialRules decides by the kind of credential only; a stand-in of the same kind gives the same answer.
    private static RefoldCredential? Probe(CredentialShape shape) => shape switch
    {
        CredentialShape.OrgKey => RefoldCredential.FromApiKey("probe"),
        CredentialShape.OrgKeyWithAccount => RefoldCredential.FromApiKey("probe", "probe"),
        CredentialShape.SessionToken => RefoldCredential.FromSessionToken("probe"),
        _ => null,
    };
}

/// <summary>The tool sets of one surface, one per credential shape, each built on first use.</summary>
public sealed class ToolSets(Surface surface)
{
    private readonly Lazy<ToolSet>[] _sets =
        [.. Enum.GetValues<CredentialShape>().Select(shape => new Lazy<ToolSet>(() => ToolSet.Build(surface, shape)))];

    public Surface Surface { get; } = surface;

    public ToolSet For(CredentialShape shape) => _sets[(int)shape].Value;

    public ToolSet For(RefoldCredential? credential) => For(CredentialShapes.Of(credential));
}
