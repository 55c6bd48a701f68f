using Refold.Api.Catalog;
using Refold.Api.Operations;

namespace Refold.Mcp.Server.Tools;

/// <summary>How the tools are presented: one tool per operation, or a few first-class tools plus the catalog tools.</summary>
public enum ToolMode
{
    /// <summary>A few first-class tools for the commonest jobs plus search/describe/call tools that reach every operation.</summary>
    Compact,

    /// <summary>Every reachable operation as its own tool.</summary>
    All,
}

/// <summary>
/// The surface an operator chose: which operations are reachable at all (toolsets, read-only, deprecated, inferred)
/// and how they are presented. The credential of a session narrows it further (see <see cref="ToolSet"/>).
/// </summary>
public sealed record Surface
{
    /// <summary>
    /// The first-class tools of the compact surface: the commonest jobs of an agent working a Refold org. Workflows run
    /// through run_workflow; execute_workflow and list_applications stay reachable through the call_* tools.
    /// </summary>
    public static IReadOnlyList<Operation> CompactTools { get; } =
    [
        LinkedAccounts.ListLinkedAccounts, LinkedAccounts.GetLinkedAccount, LinkedAccounts.CreateLinkedAccount,
        LinkedAccounts.GetActiveLinkedAccount, Workflows.ListWorkflows,
        Executions.ListExecutions, Executions.GetExecution, SessionTokens.GenerateSessionToken,
    ];

    public ToolMode Mode { get; init; } = ToolMode.Compact;

    /// <summary>Group ids (<see cref="OperationGroup.Id"/>) whose operations are reachable; null means every group.</summary>
    public IReadOnlySet<string>? Toolsets { get; init; }

    /// <summary>Only operations that change nothing.</summary>
    public bool ReadOnly { get; init; }

    public bool IncludeDeprecated { get; init; }

    public bool IncludeInferred { get; init; }

    /// <summary>How long run_workflow and wait_for_execution wait when not told: under common client timeouts (60 s).</summary>
    public const int DefaultWaitSeconds = 50;

    public const int DefaultMaxWaitSeconds = 300;

    /// <summary>The longest wait a caller of run_workflow or wait_for_execution may ask for.</summary>
    public int MaxWaitSeconds { get; init; } = DefaultMaxWaitSeconds;

    /// <summary>Which calls ask the human first (<c>--confirm</c>); it changes no tool, only what a call does before it sends.</summary>
    public ConfirmMode Confirm { get; init; } = ConfirmMode.Destructive;

    /// <summary>True when calling <paramref name="operation"/> must be confirmed by the human first.</summary>
    public bool NeedsConfirmation(Operation operation) => Confirm switch
    {
        ConfirmMode.Destructive => operation.Hints.Destructive,
        ConfirmMode.Writes => !operation.Hints.ReadOnly,
        _ => false,
    };

    /// <summary>
    /// Session tokens get no org-wide write (<see cref="Operation.Scope"/>): true over HTTP unless the operator passed
    /// <c>--allow-org-writes-from-tokens</c> (see <see cref="TenantFence"/>).
    /// </summary>
    public bool FenceOrgWritesFromTokens { get; init; }

    /// <summary>The only linked accounts calls may name (<c>--linked-accounts</c>); null serves every account.</summary>
    public IReadOnlySet<string>? AllowedAccounts { get; init; }

    /// <summary>The most one tool result may cost (<c>--max-result-tokens</c>).</summary>
    public ResultBudget Budget { get; init; } = ResultBudget.Default;

    /// <summary>True when the operator's choices let <paramref name="operation"/> be listed or called (credential aside).</summary>
    public bool Includes(Operation operation) => WhyExcluded(operation) is null;

    /// <summary>
    /// True when a session of <paramref name="shape"/> may be offered <paramref name="operation"/> here: the operator's
    /// choices include it and <see cref="TenantFence"/> lets that shape through (whether the credential itself may call
    /// it is <see cref="ToolSet"/>'s question).
    /// </summary>
    public bool Offers(Operation operation, CredentialShape shape) => Includes(operation) && TenantFence.WhyFenced(this, shape, operation) is null;

    /// <summary>
    /// True when an org key, the broadest credential, is offered <paramref name="operation"/> here: what text shared by
    /// every session of the server (the server instructions) may name.
    /// </summary>
    public bool OffersOrgKey(Operation operation) => Offers(operation, CredentialShape.OrgKey);

    /// <summary>Why the operator's choices exclude <paramref name="operation"/>, or null when they do not.</summary>
    public string? WhyExcluded(Operation operation) => operation switch
    {
        _ when Toolsets is not null && !Toolsets.Contains(operation.Group.Id) =>
            $"its toolset '{operation.Group.Id}' is not enabled on this server (enabled: {string.Join(", ", Toolsets.Order(StringComparer.Ordinal))})",
        _ when ReadOnly && !operation.Hints.ReadOnly => "this server runs in read-only mode and the operation changes data",
        { Deprecated: true } when !IncludeDeprecated => "it is deprecated and this server was not started with --include-deprecated",
        { Inferred: true } when !IncludeInferred => "it is inferred (not confirmed by Refold) and this server was not started with --include-inferred",
        _ => null,
    };
}
