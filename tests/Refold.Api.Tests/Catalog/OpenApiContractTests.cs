using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Api.Tests.Contract;

namespace Refold.Api.Tests.Catalog;

/// <summary>
/// The catalog against Refold's own published OpenAPI document, which is the contract (its facts as kept in the
/// repository: <see cref="RefoldContract"/>).
/// </summary>
public sealed class OpenApiContractTests
{
    public static TheoryData<string, string> DocumentedOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path, _) in RefoldContract.DocumentedOperations())
        {
            data.Add(method, path);
        }

        return data;
    }

    [Fact]
    public void Document_Loads_WithAllItsOperations()
    {
        Assert.Equal(102, DocumentedOperations().Count);
    }

    [Theory]
    [MemberData(nameof(DocumentedOperations))]
    public void DocumentedOperation_IsDeclared_WithSameRequiredParameters(string method, string path)
    {
        var declared = RefoldCatalog.Operations.Where(o => o.Method.Method == method && o.Route == path).ToList();
        var op = Assert.Single(declared);
        var documented = RefoldContract.Documented(method, path);

        var documentedRequired = Parameters(documented)
            .Where(p => p["required"]!.GetValue<bool>())
            .Select(p => $"{p["in"]}:{p["name"]}")
            .Concat(RequiredBodyProperties(documented).Select(n => "body:" + n))
            .Order()
            .ToList();
        var declaredRequired = op.Parameters
            .Where(p => p.Required && !p.Spread)
            .Select(p => $"{p.In.ToString().ToLowerInvariant()}:{p.SentAs}")
            .Order()
            .ToList();
        Assert.Equal(documentedRequired, declaredRequired);
    }

    [Theory]
    [MemberData(nameof(DocumentedOperations))]
    public void DocumentedParameters_AreDeclared_InTheirLocation(string method, string path)
    {
        var op = RefoldCatalog.Operations.Single(o => o.Method.Method == method && o.Route == path);
        foreach (var p in Parameters(RefoldContract.Documented(method, path)))
        {
            var name = p["name"]!.GetValue<string>();
            var location = Enum.Parse<ParameterLocation>(p["in"]!.GetValue<string>(), ignoreCase: true);
            Assert.True(op.Parameters.Any(d => d.SentAs == name && d.In == location), $"{op.Name}: documented {location} parameter '{name}' is not declared");
        }
    }

    [Fact]
    public void UndocumentedDeclarations_AreFlaggedDeprecatedOrInferred()
    {
        var documented = DocumentedOperations().Select(row => $"{row[0]} {row[1]}").ToHashSet();
        var unflagged = RefoldCatalog.Operations
            .Where(o => !documented.Contains($"{o.Method.Method} {o.Route}") && !o.Deprecated && !o.Inferred)
            .Select(o => o.Name)
            .ToList();
        Assert.Empty(unflagged);
    }

    private static IEnumerable<JsonNode> Parameters(JsonObject operation) => operation["parameters"]?.AsArray().OfType<JsonNode>() ?? [];

    private static IEnumerable<string> RequiredBodyProperties(JsonObject operation) =>
        RefoldContract.Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"])?["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [];
}
