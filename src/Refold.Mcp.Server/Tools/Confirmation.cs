using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;

namespace Refold.Mcp.Server.Tools;

/// <summary>
/// Asks the human, through the client, before a call that <c>--confirm</c> says must be confirmed: over MRTR for
/// clients that speak it (2026-07-28: an input-required result, answered on the retried call), by an elicitation
/// request otherwise (2025-11-25 clients that declare elicitation); a CLI call by its own <see cref="ToolCall.LocalConfirm"/>
/// (<c>call --yes</c>, or y/N at a terminal). Anything but an explicit yes sends nothing, and a
/// client that cannot be asked gets an error naming the operator's option (fail closed).
/// </summary>
internal static class Confirmation
{
    /// <summary>The key of the input request and the one field of the form.</summary>
    public const string Field = "confirm";

    /// <summary>The first protocol revision with multi round-trip requests.</summary>
    private const string MrtrProtocol = "2026-07-28";

    private const int MaxValueLength = 120;

    /// <summary>Tickets of a process whose services hold none (in-memory servers of tests): a random key, an in-process ledger.</summary>
    private static readonly ConfirmationTicket LocalTickets = ConfirmationTicket.Create(null, new TicketLedger());

    /// <summary>
    /// Null when the human confirmed the call; otherwise why it must not be sent (declined, or cannot be asked).
    /// On an MRTR client the first call throws <see cref="InputRequiredException"/>, which the SDK turns into the question.
    /// </summary>
    public static async Task<RefoldError?> AskAsync(ToolCall call, Operation operation, JsonObject arguments)
    {
        var server = call.Server;
        if (server is null && call.LocalConfirm is { } confirm)
        {
            var asked = await QuestionAsync(call, operation, arguments).ConfigureAwait(false);
            return await confirm(asked.Message, call.CancellationToken).ConfigureAwait(false) ? null : Declined(operation, "decline");
        }

        if (server?.ClientCapabilities?.Elicitation is null)
        {
            return Unavailable(operation, server is null
                ? "there is no MCP client to ask (this is a command-line call)"
                : "the client declared no elicitation support, so it cannot ask its user");
        }

        var question = await QuestionAsync(call, operation, arguments).ConfigureAwait(false);
        ElicitResult answer;
        if (server.IsMrtrSupported && string.CompareOrdinal(call.ProtocolVersion, MrtrProtocol) >= 0)
        {
            var binding = Binding(call, operation, arguments);
            var parameters = call.Request!.Params!;
            var tickets = call.Request.Services?.GetService(typeof(ConfirmationTicket)) as ConfirmationTicket ?? LocalTickets;
            var check = parameters.RequestState is null ? ConfirmationTicket.Check.Invalid
                : await tickets.RedeemAsync(parameters.RequestState, binding, call.Time.GetUtcNow()).ConfigureAwait(false);
            if (check == ConfirmationTicket.Check.LedgerUnavailable)
            {
                return Unavailable(operation, "the store of spent confirmations (Redis) cannot be reached, so the answer cannot be checked as used once");
            }

            if (check != ConfirmationTicket.Check.Valid
                || parameters.InputResponses?.TryGetValue(Field, out var response) != true
                || response?.Deserialize(InputResponse.ElicitResultJsonTypeInfo) is not { } given)
            {
                throw new InputRequiredException(
                    new Dictionary<string, InputRequest> { [Field] = InputRequest.ForElicitation(question) },
                    tickets.Issue(binding, call.Time.GetUtcNow()));
            }

            answer = given;
        }
        else
        {
            try
            {
                answer = await server.ElicitAsync(question, call.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is McpException or JsonException)
            {
                return Unavailable(operation, "the client could not ask its user (" + e.Message + ")");
            }
        }

        return Confirmed(answer) ? null : Declined(operation, answer.Action);
    }

    private static bool Confirmed(ElicitResult answer) =>
        answer.IsAccepted && answer.Content?.TryGetValue(Field, out var value) == true && value.ValueKind == JsonValueKind.True;

    /// <summary>What the human sees: the tool, the operation, the exact method and URL, the targets and the account.</summary>
    private static async Task<ElicitRequestParams> QuestionAsync(ToolCall call, Operation operation, JsonObject arguments)
    {
        var request = await OperationRunner.RequestOf(call, operation, arguments).ConfigureAwait(false);
        var tool = call.Request?.Params?.Name ?? operation.Name;
        var text = new StringBuilder();
        text.Append("Allow ").Append(operation.Name).Append(" (").Append(operation.Title).Append(')');
        if (tool != operation.Name)
        {
            text.Append(", called through ").Append(tool);
        }

        text.Append("?\n").Append(request.Method).Append(' ').Append(request.Url.PathAndQuery).Append('\n');
        var targets = Targets(operation, arguments).ToHashSet();
        foreach (var argument in operation.Arguments.Where(a => arguments[a.Name] is not null && !a.IsAccountScope))
        {
            text.Append(targets.Contains(argument) ? "Target " : "With ")
                .Append(argument.Name).Append(" = ").Append(Shorten(arguments[argument.Name]!)).Append('\n');
        }

        var account = (operation.Arguments.Any(a => a.IsAccountScope) ? arguments[Param.LinkedAccountHeader.Name]?.ToString() : null)
            ?? call.Session.Credential?.LinkedAccountId;
        text.Append("Linked account: ").Append(account ?? "none (the whole org)").Append('\n')
            .Append("Acting with: ").Append(call.Session.Credential?.ToString() ?? "no credential").Append('\n')
            .Append(Consequence(operation.Hints));
        return new ElicitRequestParams
        {
            Message = text.ToString(),
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    [Field] = new ElicitRequestParams.BooleanSchema
                    {
                        Title = "Run " + operation.Name,
                        Description = "Yes to send this request to Refold now; anything else sends nothing.",
                        Default = false,
                    },
                },
                Required = [Field],
            },
        };
    }

    /// <summary>The arguments given that name what the call acts on: its path parameters.</summary>
    public static IEnumerable<Refold.Api.Catalog.Argument> Targets(Operation operation, JsonObject arguments) =>
        operation.Arguments.Where(a => arguments[a.Name] is not null && !a.IsAccountScope && a.Declarations.Any(p => p.In == ParameterLocation.Path));

    /// <summary>What a ticket is bound to: this operation, these arguments, this credential.</summary>
    private static string Binding(ToolCall call, Operation operation, JsonObject arguments) =>
        string.Join('\n', operation.Name, arguments.ToJsonString(), call.Session.Credential?.LimiterKey ?? "", call.Session.Credential?.LinkedAccountId ?? "");

    private static string Shorten(JsonNode value)
    {
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(ServerJson.Readable);
        text = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
        return text.Length <= MaxValueLength ? text : text[..MaxValueLength] + "…";
    }

    private static RefoldError Declined(Operation operation, string action) => RefoldErrorMapper.Local(operation,
        RefoldErrorKind.NotPermitted, "CONFIRMATION_DECLINED",
        $"The user {(action == "cancel" ? "cancelled" : "declined")} {operation.Name}; nothing was sent to Refold.",
        hint: "Do not repeat the call unless the user asks for it again; ask them what they want instead.");

    private static RefoldError Unavailable(Operation operation, string why) => RefoldErrorMapper.Local(operation,
        RefoldErrorKind.NotPermitted, "CONFIRMATION_UNAVAILABLE",
        $"{operation.Name} must be confirmed by the user before it runs, but {why}; nothing was sent to Refold.",
        hint: "Use a client that supports elicitation, or ask the operator to start the server with --confirm never (no confirmation) if calls like this may run unasked.");

    // What saying yes does, from the annotations: a run that reaches other systems, a removal, or a change.
    private static string Consequence(ToolHints hints) => hints switch
    {
        { Destructive: true, OpenWorld: true, Idempotent: false } => "This starts it now; it may write to the connected apps, and a run cannot be undone.",
        { Destructive: true } => "This deletes, replaces or revokes something and cannot be undone here.",
        _ => "This changes data in Refold.",
    };
}
