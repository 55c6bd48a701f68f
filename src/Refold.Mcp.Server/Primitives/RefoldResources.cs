using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Api.Operations;
using Refold.Mcp.Server.Jobs;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Primitives;

/// <summary>
/// Resource templates for what an agent reads often: an execution, a workflow, a linked account. Each read is one
/// operation sent with the session's own credential through the one send path, so the session's reach applies.
/// </summary>
public static partial class RefoldResources
{
    private const string MimeType = "application/json";

    /// <summary>One template: its URI pattern and the operation that reads it (null when the session may not call it).</summary>
    private sealed record Template(string Name, string Title, string Description, string UriTemplate, Regex Pattern, Operation Read)
    {
        /// <summary>The read operation's one path argument, which the URI's id fills.</summary>
        public string IdArgument { get; } = Read.Arguments.Single(a => a.Declarations.Any(p => p.In == ParameterLocation.Path)).Name;
    }

    private static readonly Template[] s_templates =
    [
        new("execution", "Workflow execution", "One workflow run with every node's status, attempts, input and latest output (get_execution). With an org key add ?linked_account_id=.",
            "refold://executions/{execution_id}{?linked_account_id}", ExecutionUri(), Executions.GetExecution),
        new("workflow", "Workflow", "One workflow: its nodes, settings and publication state (get_workflow; for a session token, from list_workflows).",
            "refold://workflows/{workflow_id}{?linked_account_id}", WorkflowUri(), Workflows.GetWorkflow),
        new("linked-account", "Linked account", "One linked account (customer): its name, connected apps and settings (get_linked_account).",
            "refold://linked-accounts/{linked_account_id}", AccountUri(), LinkedAccounts.GetLinkedAccount),
    ];

    [GeneratedRegex(@"^refold://executions/(?<id>[^/?#]+)(\?linked_account_id=(?<account>[^&#]+))?$")]
    private static partial Regex ExecutionUri();

    [GeneratedRegex(@"^refold://workflows/(?<id>[^/?#]+)(\?linked_account_id=(?<account>[^&#]+))?$")]
    private static partial Regex WorkflowUri();

    [GeneratedRegex(@"^refold://linked-accounts/(?<id>[^/?#]+)$")]
    private static partial Regex AccountUri();

    public static IMcpServerBuilder WithRefoldResources(this IMcpServerBuilder builder) => builder
        .WithListResourceTemplatesHandler((_, _) => ValueTask.FromResult(new ListResourceTemplatesResult
        {
            ResourceTemplates = [.. s_templates.Select(t => new ResourceTemplate { Name = t.Name, Title = t.Title, Description = t.Description, UriTemplate = t.UriTemplate, MimeType = MimeType })],
        }))
        .WithListResourcesHandler((_, _) => ValueTask.FromResult(new ListResourcesResult { Resources = [] }))
        .WithReadResourceHandler(ReadAsync);

    private static async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? "";
        var (template, match) = s_templates.Select(t => (t, t.Pattern.Match(uri))).FirstOrDefault(m => m.Item2.Success);
        if (template is null)
        {
            throw new McpProtocolException(
                $"Unknown resource '{(uri.Length > 200 ? uri[..200] + "…" : uri)}'; this server reads {string.Join(", ", s_templates.Select(t => t.UriTemplate))}.",
                McpErrorCode.ResourceNotFound);
        }

        var session = RefoldSession.Of(request);
        var id = Uri.UnescapeDataString(match.Groups["id"].Value);
        var account = match.Groups["account"].Success ? Uri.UnescapeDataString(match.Groups["account"].Value) : null;
        var call = ToolCall.Local(session, [], cancellationToken);
        try
        {
            var body = await ReadBodyAsync(call, template, id, account).ConfigureAwait(false);
            return new ReadResourceResult
            {
                Contents = [new TextResourceContents { Uri = uri, MimeType = MimeType, Text = body?.ToJsonString(ServerJson.Readable) ?? "null" }],
            };
        }
        catch (RefoldApiException e)
        {
            throw new McpProtocolException($"{e.Error.Message}{(e.Error.Hint is { } hint ? " " + hint : "")}",
                e.Error.Kind is RefoldErrorKind.NotFound or RefoldErrorKind.Forbidden ? McpErrorCode.ResourceNotFound
                : e.Error.Kind is RefoldErrorKind.InvalidArgument or RefoldErrorKind.NotPermitted or RefoldErrorKind.BadRequest ? McpErrorCode.InvalidParams
                : McpErrorCode.InternalError);
        }
    }

    private static async Task<JsonNode?> ReadBodyAsync(ToolCall call, Template template, string id, string? account)
    {
        var arguments = new JsonObject { [template.IdArgument] = id };
        if (account is not null && template.Read.Arguments.Any(a => a.IsAccountScope))
        {
            arguments["linked_account_id"] = account;
        }

        // A session token may not read a workflow by id (get_workflow is org-only): find it among the listed ones.
        if (template.Read == Workflows.GetWorkflow && !call.Session.Tools.Reaches(Workflows.GetWorkflow))
        {
            return await FindWorkflowAsync(call, id, account).ConfigureAwait(false);
        }

        return await OperationRunner.SendAsync(call, template.Read, arguments).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> FindWorkflowAsync(ToolCall call, string id, string? account) =>
        (await WorkflowResolver.ListAsync(call, account, publishedOnly: false).ConfigureAwait(false)).FirstOrDefault(w => ServerJson.Text(w, "_id") == id)?.DeepClone()
        ?? throw new RefoldApiException(RefoldErrorMapper.Local(Workflows.GetWorkflow, RefoldErrorKind.NotFound, "RESOURCE_NOT_FOUND",
            $"No workflow with the id '{id}' is visible to this account."));
}
