using System.Text.Json.Nodes;
using Refold.Api.Catalog;

namespace Refold.Api.Tests.Contract;

/// <summary>The response shapes the product carries (tool output schemas) against the in-repo contract they are derived from.</summary>
public sealed class ResponseShapesTests
{
    [Fact]
    public void EmbeddedShapes_DerivedFromContract_Match()
    {
        var fresh = ResponseShapeExtractor.Extract();
        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACT") == "1")
        {
            File.WriteAllText(ResponseShapeExtractor.FilePath, ResponseShapeExtractor.ToFileText(fresh));
        }

        var stored = JsonNode.Parse(File.ReadAllText(ResponseShapeExtractor.FilePath));
        Assert.True(JsonNode.DeepEquals(stored, fresh),
            "src/Refold.Api/Catalog/response-shapes.json differs from what the in-repo contract gives: run scripts/update-contract.sh and review the diff.");
        Assert.True(JsonNode.DeepEquals(stored!["shapes"], ResponseShapes.All), "the embedded resource is not the file in the repository");
    }

    [Fact]
    public void Shapes_EveryOperationWithADocumentedBody_HasOne()
    {
        var withBody = RefoldCatalog.Operations.Where(o => ResponseShapeExtractor.SuccessSchema(o) is not null).ToList();

        Assert.True(withBody.Count > 90, $"only {withBody.Count} operations have a documented response body");
        Assert.All(withBody, o => Assert.True(ResponseShapes.For(o.Name) is { Count: > 0 }, $"{o.Name} has no response shape"));
    }
}
