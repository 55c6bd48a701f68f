using System.Text.Json;
using Refold.Api.Catalog;
using Refold.Api.Tests.Contract;

namespace Refold.Api.Tests.Catalog;

/// <summary>
/// The catalog against the project's operation list (<c>operations.json</c>), whose names are the tool names (its facts
/// as kept in the repository: <see cref="RefoldContract"/>).
/// </summary>
public sealed class OperationsListTests
{
    private static readonly JsonElement[] s_listed = LoadList();

    // Where Refold's OpenAPI document disagrees with operations.json the document wins; each case is listed in
    // docs/catalog-notes.md. These are the cases this test must not hold against the catalog.
    private static readonly Dictionary<string, string> s_authFromDocument = new(StringComparer.Ordinal)
    {
        ["create_webhook"] = "either",
        ["update_webhook"] = "either",
        ["delete_webhook"] = "either",
    };

    private static readonly HashSet<string> s_parametersNotInDocument =
    [
        "list_linked_accounts:scope", "create_linked_account:scope", "upsert_linked_account:scope",
        "list_variable_definitions:names", "register_schedule:currentDate", "update_schedule:currentDate",
        "get_config_fields:(payload)", "publish_workflow:description", "publish_workflow:environment",
    ];

    public static TheoryData<string> ListedNames() => [.. s_listed.Select(o => o.GetProperty("name").GetString()!)];

    [Fact]
    public void Catalog_EveryListedOperation_IsDeclaredExactlyOnce()
    {
        var declared = RefoldCatalog.Operations.Select(o => o.Name).ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.Equal(s_listed.Select(o => o.GetProperty("name").GetString()).Order(), declared.Order());
    }

    [Theory]
    [MemberData(nameof(ListedNames))]
    public void Declaration_MatchesList_MethodRouteAuthAndFlags(string name)
    {
        var listed = s_listed.Single(o => o.GetProperty("name").GetString() == name);
        var op = RefoldCatalog.Find(name)!;

        Assert.Equal(listed.GetProperty("method").GetString(), op.Method.Method);
        Assert.Equal(listed.GetProperty("path").GetString(), op.Route);
        Assert.Equal(s_authFromDocument.GetValueOrDefault(name) ?? listed.GetProperty("auth").GetString(), op.Auth.ToString().ToLowerInvariant());
        Assert.Equal(listed.GetProperty("deprecated").GetBoolean(), op.Deprecated);
        Assert.Equal(listed.GetProperty("confidence").GetString() == "inferred", op.Inferred);
        Assert.Equal(listed.GetProperty("successStatus").GetInt32(), op.SuccessStatus);
        Assert.Equal(listed.GetProperty("readOnly").GetBoolean(), op.Hints.ReadOnly);
        Assert.Equal(listed.GetProperty("destructive").GetBoolean(), op.Hints.Destructive);
        Assert.Equal(listed.GetProperty("idempotent").GetBoolean(), op.Hints.Idempotent);
        Assert.Equal(listed.GetProperty("paginated").GetBoolean(), op.Pagination != Pagination.None);
    }

    [Theory]
    [MemberData(nameof(ListedNames))]
    public void Declaration_HasEveryListedParameter_InItsLocation(string name)
    {
        var listed = s_listed.Single(o => o.GetProperty("name").GetString() == name);
        var op = RefoldCatalog.Find(name)!;
        foreach (var p in listed.GetProperty("params").EnumerateArray())
        {
            var pname = p.GetProperty("name").GetString()!;
            var location = Enum.Parse<ParameterLocation>(p.GetProperty("in").GetString()!, ignoreCase: true);
            if (s_parametersNotInDocument.Contains($"{name}:{pname}"))
            {
                Assert.DoesNotContain(op.Parameters, d => d.SentAs == pname && d.In == location);
                continue;
            }

            if (pname.StartsWith('('))
            {
                // A parenthesised name is a free-form object: declared as a spread parameter in that location.
                Assert.Contains(op.Parameters, d => d.Spread && d.In == location);
                continue;
            }

            Assert.True(op.Parameters.Any(d => d.SentAs == pname && d.In == location), $"{name}: parameter '{pname}' ({location}) is not declared");
        }
    }

    private static JsonElement[] LoadList()
    {
        using var doc = JsonDocument.Parse(RefoldContract.Operations.ToJsonString());
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
