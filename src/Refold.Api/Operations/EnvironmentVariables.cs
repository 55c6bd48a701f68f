using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Environment Variables: TODO one line.</summary>
public static class EnvironmentVariables
{
    public static OperationGroup Group { get; } = new("environment_variables", "Environment Variables", "TODO");

    public static Operation ListVariableDefinitions { get; } = new()
    {
        Name = "list_variable_definitions",
        Group = Group,
        Title = "TODO",
        Description = "Page through variable definitions (name, scope, format, encrypted flag) of the org. Values are separate.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/definitions",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Query("scope", "org | workspace | linked_account | workflow."),
            Param.Query("var_format", "string | number | url."),
            Param.Query("name", "Regex on name."),
            Param.Query("names", "Resolve several definitions by name (changelog; format INFERRED comma-separated)."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation GetVariableDefinition { get; } = new()
    {
        Name = "get_variable_definition",
        Group = Group,
        Title = "TODO",
        Description = "Fetch one definition, wrapped as {definition: {...}}.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/definitions/{id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("id", "Definition _id."),
        ],
    };

    public static Operation GetVariableValue { get; } = new()
    {
        Name = "get_variable_value",
        Group = Group,
        Title = "TODO",
        Description = "Resolve a definition's value in its scope; encrypted values come back as [REDACTED]. Note singular /value/.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/value/{definition_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("definition_id", "Definition _id."),
            Param.Query("linked_account_id", "For linked_account scope with an API key."),
            Param.Query("workflow_id", "For workflow scope."),
            Param.Query("environment", "test | production override (INFERRED)."),
        ],
    };

    public static Operation SetVariableValue { get; } = new()
    {
        Name = "set_variable_value",
        Group = Group,
        Title = "TODO",
        Description = "Create or replace the value of a definition for a scope: nothing extra = org scope, linked_account_id = account scope, workflow_id = workflow scope. Validated against var_format; encrypted if the definition says so.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/env/values",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("variable_definition_id", "Definition _id.", ParameterType.String, required: true),
            Param.Body("value", "Value as a string.", ParameterType.String, required: true),
            Param.Body("linked_account_id", "Target account (account scope)."),
            Param.Body("workflow_id", "Target workflow (workflow scope)."),
        ],
    };

    public static Operation ListVariableValues { get; } = new()
    {
        Name = "list_variable_values",
        Group = Group,
        Title = "TODO",
        Description = "Page through stored values for one scope; a session token only sees its own account; workflow scope needs workflow_id. Encrypted values redacted.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/values/{scope}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Path("scope", "org | workspace | linked_account | workflow."),
            Param.Query("variable_definition_id", "Only this definition."),
            Param.Query("linked_account_id", "Account (API-key callers)."),
            Param.Query("workflow_id", "Required for workflow scope."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation DeleteVariableValue { get; } = new()
    {
        Name = "delete_variable_value",
        Group = Group,
        Title = "TODO",
        Description = "Hard-delete one stored value by its id (ownership checked for account-scoped values).",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/env/values/{value_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("value_id", "Value _id (not the definition id)."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListVariableDefinitions, GetVariableDefinition, GetVariableValue, SetVariableValue, ListVariableValues, DeleteVariableValue];
}
