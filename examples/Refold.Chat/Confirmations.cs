using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Refold.Chat;

/// <summary>
/// The MCP client's elicitation handler: the server's confirmation requests (elicitation, and MRTR input-required,
/// which the SDK resolves through the same handler) asked at the terminal, or accepted at once with <c>--yes</c>.
/// </summary>
internal sealed class Confirmations(ChatView view, Transcript transcript, bool assumeYes)
{
    public ValueTask<ElicitResult> HandleAsync(ElicitRequestParams? request, CancellationToken cancellationToken)
    {
        var message = request?.Message ?? "The server asks for confirmation.";
        var result = request?.Mode == "url" ? AskUrl(message, request.Url) : AskForm(message, request?.RequestedSchema);
        transcript.Write("confirmation", new JsonObject { ["message"] = message, ["action"] = result.Action, ["assumed_yes"] = assumeYes });
        return ValueTask.FromResult(result);
    }

    private ElicitResult AskUrl(string message, string? url)
    {
        view.Banner($"? {message}");
        view.Banner($"  open: {url}");
        if (assumeYes)
        {
            view.Note("--yes cannot visit a page for you; declined");
            return new ElicitResult { Action = "decline" };
        }

        return Answer(view.Ask("  Done there? [y/N]")) switch
        {
            true => new ElicitResult { Action = "accept" },
            false => new ElicitResult { Action = "decline" },
            null => new ElicitResult { Action = "cancel" },
        };
    }

    private ElicitResult AskForm(string message, ElicitRequestParams.RequestSchema? schema)
    {
        view.Banner($"? {message}");
        var fields = schema?.Properties ?? new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>();
        var required = schema?.Required ?? [];
        if (assumeYes)
        {
            var automatic = Fill(fields, required, ask: false);
            view.Note(automatic is null ? "--yes cannot fill in the form for you; cancelled" : "accepted by --yes");
            return automatic is null ? new ElicitResult { Action = "cancel" } : new ElicitResult { Action = "accept", Content = automatic };
        }

        switch (Answer(view.Ask("  Go ahead? [y/N]")))
        {
            case null:
                return new ElicitResult { Action = "cancel" };
            case false:
                view.Note("declined");
                return new ElicitResult { Action = "decline" };
        }

        var content = Fill(fields, required, ask: true);
        return content is null ? new ElicitResult { Action = "cancel" } : new ElicitResult { Action = "accept", Content = content };
    }

    // Booleans mean "yes" once the person has accepted; other fields take their default or, when asking, the typed value.
    private Dictionary<string, JsonElement>? Fill(
        IDictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> fields, IList<string> required, bool ask)
    {
        var content = new Dictionary<string, JsonElement>();
        foreach (var (name, field) in fields)
        {
            JsonNode? value = field switch
            {
                ElicitRequestParams.BooleanSchema => true,
                ElicitRequestParams.StringSchema { Default: { } d } when !ask => d,
                ElicitRequestParams.NumberSchema { Default: { } d } when !ask => d,
                _ when ask => Typed(field, view.Ask($"  {field.Title ?? name}:")),
                _ => null,
            };
            if (value is null && required.Contains(name))
            {
                return null;
            }

            if (value is not null)
            {
                content[name] = JsonSerializer.SerializeToElement(value);
            }
        }

        return content;
    }

    private static JsonNode? Typed(ElicitRequestParams.PrimitiveSchemaDefinition field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : field is ElicitRequestParams.NumberSchema && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : text.Trim();

    private static bool? Answer(string? line) => line?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "y" or "yes" => true,
        _ => false,
    };
}
