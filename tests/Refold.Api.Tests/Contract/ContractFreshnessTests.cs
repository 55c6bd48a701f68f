using System.Text.Json.Nodes;
using Refold.Api.Tests.Support;

namespace Refold.Api.Tests.Contract;

/// <summary>The in-repo contract against the files it is extracted from, whenever they are beside the repository (CI has them).</summary>
public sealed class ContractFreshnessTests
{
    private static readonly string[] s_prose = ["description", "summary", "example", "examples", "title", "tags", "operationId", "source"];

    [SharedContractFact]
    public void InRepoContract_MatchesRefoldsDocument()
    {
        var fresh = ContractExtractor.Extract(SharedFiles.RefoldApi("openapi.yaml"), SharedFiles.RefoldApi("operations.json"));
        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACT") == "1")
        {
            File.WriteAllText(RefoldContract.FilePath, ContractExtractor.ToFileText(fresh));
        }

        var stored = JsonNode.Parse(File.ReadAllText(RefoldContract.FilePath));
        var difference = FirstDifference(stored, fresh, "$");
        Assert.True(difference is null, $"The in-repo contract differs from Refold's files at {difference}: run scripts/update-contract.sh and review the diff.");
    }

    [Fact]
    public void InRepoContract_HoldsFactsNotProse()
    {
        var found = new List<string>();
        FindProse(RefoldContract.Document, "$.openapi", found);
        foreach (var operation in RefoldContract.Operations)
        {
            FindProse(operation, $"$.operations[{operation!["name"]}]", found);
        }

        Assert.Empty(found);
        Assert.NotEmpty(RefoldContract.Operations);
    }

    private static string? FirstDifference(JsonNode? stored, JsonNode? fresh, string at)
    {
        switch (stored, fresh)
        {
            case (JsonObject s, JsonObject f):
                foreach (var key in s.Select(p => p.Key).Union(f.Select(p => p.Key)))
                {
                    if (!s.ContainsKey(key) || !f.ContainsKey(key))
                    {
                        return $"{at}.{key} ({(s.ContainsKey(key) ? "no longer in Refold's files" : "new in Refold's files")})";
                    }

                    if (FirstDifference(s[key], f[key], $"{at}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray s, JsonArray f):
                for (var i = 0; i < Math.Max(s.Count, f.Count); i++)
                {
                    if (i >= s.Count || i >= f.Count)
                    {
                        return $"{at}[{i}] (the lengths differ: {s.Count} in the repository, {f.Count} in Refold's files)";
                    }

                    if (FirstDifference(s[i], f[i], $"{at}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(stored, fresh) ? null : $"{at} ({stored?.ToJsonString() ?? "null"} in the repository, {fresh?.ToJsonString() ?? "null"} in Refold's files)";
        }
    }

    // Property names of a schema ("properties") may be anything, "description" included; keywords elsewhere may not be prose.
    private static void FindProse(JsonNode? node, string at, List<string> found)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                if (s_prose.Contains(key))
                {
                    found.Add($"{at}.{key}");
                }

                if (key == "properties" && value is JsonObject properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        FindProse(property, $"{at}.properties.{name}", found);
                    }
                }
                else
                {
                    FindProse(value, $"{at}.{key}", found);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                FindProse(a[i], $"{at}[{i}]", found);
            }
        }
    }
}
