using System.Text.Json.Nodes;
using Refold.Api.Catalog;
using Refold.Api.Client;
using Refold.Api.Errors;
using Refold.Emulator.Core;
using Refold.Emulator.Seed;
using Refold.Emulator.Tests.Support;

namespace Refold.Emulator.Tests;

/// <summary>
/// Handlers read their inputs through the operations' declarations: a name a declaration does not have is a 500
/// naming it, so renaming a parameter in src/Refold.Api/Operations without its handler fails here (and in every test
/// of that operation) instead of the operation quietly answering 404.
/// </summary>
public sealed class DeclaredInputsTests(SharedEmulator emulator) : IClassFixture<SharedEmulator>
{
    [Fact]
    public void Require_NameTheOperationDoesNotDeclare_ThrowsNamingWhatIsDeclared()
    {
        var operation = RefoldCatalog.Find("get_table_records")!;

        var e = Assert.Throws<UndeclaredInputException>(() => DeclaredInputs.Require(operation, ParameterLocation.Path, "tableId"));

        Assert.Equal("The emulator's handler of get_table_records reads the path parameter 'tableId', which the declaration of get_table_records does not have "
            + "(declared path parameters: table_id). Make the handler read what the declaration declares, or the declaration declare what Refold takes.", e.Message);
        DeclaredInputs.Require(operation, ParameterLocation.Path, "table_id");
        DeclaredInputs.Require(operation, ParameterLocation.Query, "page");
    }

    [Fact]
    public void Require_FreeFormBody_AcceptsAnyMemberButNoPathName()
    {
        var search = RefoldCatalog.Find("search_table_records")!;

        DeclaredInputs.Require(search, ParameterLocation.Body, "stage");
        Assert.Throws<UndeclaredInputException>(() => DeclaredInputs.Require(search, ParameterLocation.Path, "record_id"));
        Assert.Throws<UndeclaredInputException>(() => DeclaredInputs.Require(search, Param.Page));
    }

    [Fact]
    public async Task EveryOperation_CalledWithItsDeclaredInputs_NoHandlerReadsAnUndeclaredOne()
    {
        await using var f = await emulator.FreshOrgAsync();
        var session = await f.TokenForAsync(DemoOrg.GlobexAccount);
        var undeclared = new List<string>();
        foreach (var operation in f.Emulator.RoutedOperations.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            var known = ResponseContractTests.Case(operation.Name);
            var args = ArgumentsFor(operation, known?.Args ?? []);
            RefoldClient client = known?.Caller == ResponseContractTests.As.Session || operation.Auth == AuthLevel.Account
                ? f.Session(session)
                : f.Org(DemoOrg.GlobexAccount);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await client.SendAsync(operation, args, deadline.Token);
            }
            catch (RefoldApiException e) when (e.Error.Message.Contains("does not have (declared", StringComparison.Ordinal))
            {
                undeclared.Add(e.Error.Message);
            }
            catch (RefoldApiException e) when (e.Error.Kind is RefoldErrorKind.InvalidArgument or RefoldErrorKind.NotPermitted)
            {
                undeclared.Add($"{operation.Name} was never sent: {e.Error.Message}");
            }
            catch (OperationCanceledException)
            {
                undeclared.Add($"{operation.Name} did not answer");
            }
            catch (RefoldApiException)
            {
                // Any other answer (404 for a placeholder id, 400 for a placeholder value) read only declared inputs.
            }
        }

        Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
    }

    // The happy-path arguments where the operation has a case, and a placeholder of the declared type for every other
    // declared parameter, so each handler gets every input its declaration names and nothing else.
    private static JsonObject ArgumentsFor(Operation operation, JsonObject known)
    {
        foreach (var name in known.Select(a => a.Key).Where(n => operation.Parameters.All(p => p.Name != n)).ToList())
        {
            known.Remove(name);
        }

        foreach (var p in operation.Parameters.DistinctBy(p => p.Name))
        {
            if (!known.ContainsKey(p.Name) && p.Name != Param.LinkedAccountHeader.Name)
            {
                known[p.Name] = Placeholder(p);
            }
        }

        return known;
    }

    // "false" where a closed set has it: a placeholder never asks a run to be waited for on the frozen clock.
    private static JsonNode Placeholder(Parameter p)
    {
        var text = p.Enum is [var first, ..] ? (p.Enum.Contains("false") ? "false" : first) : "x";
        return p.Type switch
        {
            ParameterType.Integer => 1,
            ParameterType.Boolean => false,
            ParameterType.Object or ParameterType.ObjectOrObjectArray or ParameterType.Any => new JsonObject(),
            ParameterType.StringArray => new JsonArray(text),
            ParameterType.ObjectArray => new JsonArray(new JsonObject()),
            _ => text,
        };
    }
}
