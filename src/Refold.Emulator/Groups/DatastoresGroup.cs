using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Refold.Emulator.Core;
using Refold.Emulator.State;
using Ops = Refold.Api.Operations;

namespace Refold.Emulator.Groups;

/// <summary>
/// Datastores (deprecated): the <c>store_variables</c> workflows saved on an installed config, read as plain arrays.
/// A missing config or datastore answers 404 with Refold's irregular <c>{message: "Server Error", error}</c>.
/// </summary>
internal sealed class DatastoresGroup : EmulatorGroup
{
    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromMilliseconds(100);

    public override void Map(EmulatorRoutes routes)
    {
        routes.Map(Ops.Datastores.ListConfigDatastores, req => Doc.Array(Stores(req).Select(s => (JsonNode?)s.Str("name"))));
        routes.Map(Ops.Datastores.ListDatastoreRecords, req => Doc.Array(Records(req)));
        routes.Map(Ops.Datastores.SearchDatastoreRecords, Search, invalidInput: m => RefoldErrors.ServerErrorText(400, m));
    }

    private static EmulatorResult Search(EmulatorRequest req)
    {
        var filters = req.Fields.Object.Select(f => (Field: f.Key, Pattern: Pattern(f.Key, f.Value))).ToList();
        return Doc.Array(Records(req).Where(r => filters.All(f => Doc.Text(r?[f.Field]) is { } text && Matches(f.Pattern, text))));
    }

    // The config's datastores; the config is the account's installation of the app (config_id defaults to the account id).
    private static List<JsonObject> Stores(EmulatorRequest req)
    {
        var accountId = req.RequireLinkedAccountId();
        var slug = req.Route("slug");
        var configId = req.Query("config_id") is { Length: > 0 } id ? id : accountId;
        var config = req.Data.Collection(Collections.Configs).FindOne(c =>
            Doc.Is(c, "linked_account_id", accountId) && Doc.Is(c, "slug", slug) && Doc.Is(c, "config_id", configId))
            ?? throw new EmulatorException(RefoldErrors.ServerErrorText(404, "Config not found"));
        return [.. (config["store_variables"] as JsonArray ?? []).OfType<JsonObject>()];
    }

    private static IEnumerable<JsonNode?> Records(EmulatorRequest req)
    {
        var name = req.Route("datastore_name");
        var store = Stores(req).FirstOrDefault(s => s.Str("name") == name)
            ?? throw new EmulatorException(RefoldErrors.ServerErrorText(404, "Datastore not found"));
        return store["data"] as JsonArray ?? [];
    }

    private static Regex Pattern(string field, JsonNode? value)
    {
        try
        {
            return new Regex(Doc.Text(value) ?? "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_matchTimeout);
        }
        catch (ArgumentException)
        {
            throw new EmulatorException(RefoldErrors.ServerErrorText(400, $"Invalid search pattern for {field}"));
        }
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
