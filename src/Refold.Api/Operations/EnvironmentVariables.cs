using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Environment Variables: read variable definitions and read, set, list and delete their values per scope.</summary>
public static class EnvironmentVariables
{
    public static OperationGroup Group { get; } = new("environment_variables", "Environment Variables", "Work with environment variables: definitions (name, scope, format, encryption) and the values stored for them at org, workspace, linked-account or workflow scope.");

    public static Operation ListVariableDefinitions { get; } = new()
    {
        Name = "list_variable_definitions",
        Group = Group,
        Title = "List variable definitions",
        Description = "Pages through the org's environment variable definitions (no values; made in the dashboard).",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/definitions",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Query("scope", "") with { Enum = ["org", "workspace", "linked_account", "workflow"] },
            Param.Query("var_format", "") with { Enum = ["string", "number", "url"] },
            Param.Query("name", "Regex on names."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation GetVariableDefinition { get; } = new()
    {
        Name = "get_variable_definition",
        Group = Group,
        Title = "Get a variable definition",
        Description = "Reads one environment variable definition (scope, var_format, encrypted), without its value.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/definitions/{id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            // Said here, not once: the webhook tools' id comes from elsewhere (ParameterSourceTests).
            Param.Path("id", "The definition's id, from list_variable_definitions."),
        ],
    };

    public static Operation GetVariableValue { get; } = new()
    {
        Name = "get_variable_value",
        Group = Group,
        Title = "Get a variable value",
        Description = "Resolves one variable's current value in its scope; encrypted ones read '[REDACTED]'.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/value/{definition_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("definition_id", "").From("list_variable_definitions"),
            Param.Query("linked_account_id", "For an account-scoped variable."),
            Param.Query("workflow_id", "For a workflow-scoped variable."),
            Param.Query("environment", "") with { Enum = ["test", "production"] },
        ],
    };

    public static Operation SetVariableValue { get; } = new()
    {
        Name = "set_variable_value",
        Group = Group,
        Title = "Set a variable value",
        Description = "Sets a variable's value at org scope, or at account (linked_account_id) or workflow (workflow_id) scope.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/env/values",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("variable_definition_id", "", ParameterType.String, required: true).From("list_variable_definitions"),
            Param.Body("value", "", ParameterType.String, required: true),
            Param.Body("linked_account_id", "Account scope."),
            Param.Body("workflow_id", "Workflow scope."),
        ],
    };

    public static Operation ListVariableValues { get; } = new()
    {
        Name = "list_variable_values",
        Group = Group,
        Title = "List variable values",
        Description = "Pages through one scope's stored variable values, optionally of one definition.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/values/{scope}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Path("scope", "") with { Enum = ["org", "workspace", "linked_account", "workflow"] },
            Param.Query("variable_definition_id", "").From("list_variable_definitions"),
            Param.Query("linked_account_id", ""),
            Param.Query("workflow_id", "Needed for scope 'workflow'."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation DeleteVariableValue { get; } = new()
    {
        Name = "delete_variable_value",
        Group = Group,
        Title = "Delete a variable value",
        Description = "Removes one stored value of a variable, keeping its definition.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/env/values/{value_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("value_id", "The value's _id (list_variable_values)."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListVariableDefinitions, GetVariableDefinition, GetVariableValue, SetVariableValue, ListVariableValues, DeleteVariableValue];
}
