using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Refold.Api.Catalog;

namespace Refold.Api.Errors;

/// <summary>
/// The hint of an error whose outcome is unknown for an operation that is not idempotent: how to check whether it
/// took effect before repeating it, rendered from the operation's <see cref="OutcomeCheck"/> and the call's own arguments.
/// </summary>
internal static class OutcomeHints
{
    private const int ValueLength = 80;
    private const string LinkedAccount = "linked_account_id";

    /// <summary>How long before the call a <see cref="OutcomeCheck.Since"/> filter starts, for clocks that disagree.</summary>
    public static readonly TimeSpan SinceMargin = TimeSpan.FromMinutes(1);

    public static string For(ToolDeclaration operation, JsonObject? arguments, DateTimeOffset? sentAt)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Refold may have applied {operation.Name} before the answer was lost, and it is not idempotent: do not repeat it until you have checked. ");
        var check = OutcomeCheck.Of(operation);
        if (check?.Read is not { } readName || RefoldCatalog.Find(readName) is not { } read)
        {
            return text.Append("Check ").Append(check?.LookFor ?? "in Refold whether it took effect").Append("; repeat only if it did not.").ToString();
        }

        var passed = Passed(operation, check, read, arguments, sentAt);
        text.Append("Call ").Append(read.Name);
        if (passed.Count > 0)
        {
            text.Append(" with ").AppendJoin(", ", passed.Select(p => $"{p.Name}={p.Value}"));
        }

        return text.Append(" and look for ").Append(check.LookFor).Append("; repeat only if it did not take effect.").ToString();
    }

    private static List<(string Name, string Value)> Passed(ToolDeclaration operation, OutcomeCheck check, ToolDeclaration read, JsonObject? arguments, DateTimeOffset? sentAt)
    {
        var passed = new List<(string Name, string Value)>();
        IEnumerable<(string Read, string From)> pairs = check.Arguments;
        if (Takes(operation, LinkedAccount) && Takes(read, LinkedAccount))
        {
            pairs = pairs.Append((LinkedAccount, LinkedAccount));
        }

        foreach (var (to, from) in pairs)
        {
            if (passed.All(p => p.Name != to) && Value(arguments?[from]) is { } value)
            {
                passed.Add((to, value));
            }
        }

        if (check.Since is { } since && sentAt is { } at)
        {
            var start = at.ToUniversalTime() - SinceMargin;
            passed.Add((since, $"\"{start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\" (a minute before the call)"));
        }

        return passed;
    }

    private static bool Takes(ToolDeclaration operation, string argument) => operation.Arguments.Any(a => a.Name == argument);

    private static string? Value(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var json = node.ToJsonString();
        return json.Length > ValueLength ? null : json;
    }
}
