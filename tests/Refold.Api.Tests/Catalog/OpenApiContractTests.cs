using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Refold.Api.Catalog;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Catalog;

/// <summary>The catalog against Refold's own published OpenAPI document, which is the contract.</summary>
public sealed class OpenApiContractTests
{
    private static readonly Lazy<OpenApiDocument> s_document = new(Load);

    public static TheoryData<string, string> DocumentedOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, item) in s_document.Value.Paths)
        {
            foreach (var method in item.Operations!.Keys)
            {
                data.Add(method.Method.ToUpperInvariant(), path);
            }
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
        var documented = s_document.Value.Paths[path].Operations![new HttpMethod(method)];

        var documentedRequired = (documented.Parameters ?? [])
            .Where(p => p.Required)
            .Select(p => $"{p.In.ToString()!.ToLowerInvariant()}:{p.Name}")
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
        var documented = s_document.Value.Paths[path].Operations![new HttpMethod(method)];
        foreach (var p in documented.Parameters ?? [])
        {
            var location = Enum.Parse<Refold.Api.Catalog.ParameterLocation>(p.In.ToString()!, ignoreCase: true);
            Assert.True(op.Parameters.Any(d => d.SentAs == p.Name && d.In == location), $"{op.Name}: documented {location} parameter '{p.Name}' is not declared");
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

    private static IEnumerable<string> RequiredBodyProperties(OpenApiOperation operation)
    {
        var schema = operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true ? media.Schema : null;
        return schema?.Required ?? (IEnumerable<string>)[];
    }

    private static OpenApiDocument Load()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = File.OpenRead(SharedFiles.RefoldApi("openapi.yaml"));
        var result = OpenApiDocument.LoadAsync(stream, "yaml", settings).GetAwaiter().GetResult();
        Assert.NotNull(result.Document);
        return result.Document;
    }
}
