using System.Text.Json.Nodes;
using Refold.Api.Catalog;

namespace Refold.Api.Tests.Catalog;

/// <summary>What an argument's schema says: only a declaration's own word, never what the server instructions say once.</summary>
public sealed class InputSchemaTests
{
    private static JsonObject Property(string operation, string argument) =>
        InputSchema.For(RefoldCatalog.Find(operation)!)["properties"]![argument]!.AsObject();

    [Theory]
    [InlineData("get_application", "Whose connections to report.")]
    [InlineData("set_variable_value", "Account scope.")]
    public void PropertySchema_SharedArgumentWithItsOwnWord_ListsThatWordOnly(string operation, string expected)
    {
        Assert.Equal(expected, Property(operation, "linked_account_id")["description"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("get_table_records", "table_id")]
    [InlineData("get_dataref", "refName")]
    [InlineData("update_config_field", "fieldId")]
    [InlineData("stop_execution", "instanceId")]
    [InlineData("list_execution_node_batches", "node_id")]
    [InlineData("list_executions", "linked_account_id")]
    public void PropertySchema_IdSaidOnceInTheInstructions_HasNoDescription(string operation, string argument)
    {
        Assert.False(Property(operation, argument).ContainsKey("description"), $"{operation}.{argument} repeats what the server instructions say");
    }

    [Fact]
    public void PropertySchema_BooleanText_ListedAsABoolean()
    {
        Assert.Equal("boolean", Property("execute_workflow", "sync_execution")["type"]?.GetValue<string>());
    }
}
