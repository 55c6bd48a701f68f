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
        Description = "Page through the environment variable definitions of the org, filterable by scope, format or a name pattern. Each has _id, name, scope, var_format and encrypted, but no value; read values with get_variable_value or list_variable_values. Returns a page: docs[], totalDocs, hasNextPage. The API cannot create a definition (define variables in the Refold dashboard); it only sets and reads values.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/definitions",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Query("scope", "Only definitions of this scope.") with { Enum = ["org", "workspace", "linked_account", "workflow"] },
            Param.Query("var_format", "Only definitions of this value format.") with { Enum = ["string", "number", "url"] },
            Param.Query("name", "Regular expression matched against definition names, e.g. '^ERP_'."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation GetVariableDefinition { get; } = new()
    {
        Name = "get_variable_definition",
        Group = Group,
        Title = "Get a variable definition",
        Description = "Read one environment variable definition: name, description, scope, var_format and encrypted flag, wrapped as {definition: {...}}. It does not include a value; use get_variable_value for that. Pass id, the definition _id from list_variable_definitions.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/definitions/{id}",
        Auth = AuthLevel.Org,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("id", "Definition _id (from list_variable_definitions)."),
        ],
    };

    public static Operation GetVariableValue { get; } = new()
    {
        Name = "get_variable_value",
        Group = Group,
        Title = "Get a variable value",
        Description = "Resolve the current value of one variable in its scope; encrypted values read as '[REDACTED]'. Returns {value, encrypted, name, scope, variable_definition_id}. Pass definition_id from list_variable_definitions, plus linked_account_id or workflow_id for account- or workflow-scoped variables. To see all stored values of a scope use list_variable_values.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/value/{definition_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("definition_id", "Definition _id (from list_variable_definitions)."),
            Param.Query("linked_account_id", "Linked account whose value to read, for linked_account-scoped variables when using an org API key, e.g. 'acct_9001'."),
            Param.Query("workflow_id", "Workflow whose value to read, for workflow-scoped variables (_id from list_workflows)."),
            Param.Query("environment", "Read the value of this environment instead of the one implied by the credentials.") with { Enum = ["test", "production"] },
        ],
    };

    public static Operation SetVariableValue { get; } = new()
    {
        Name = "set_variable_value",
        Group = Group,
        Title = "Set a variable value",
        Description = "Create or overwrite a variable's value at one scope: org scope when neither linked_account_id nor workflow_id is given in the body, account scope with linked_account_id, workflow scope with workflow_id. The value must fit the definition's var_format and is stored encrypted if the definition says so. Returns the stored value record with its _id. Pass variable_definition_id from list_variable_definitions; the definition must already exist, as the API cannot create one.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/env/values",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("variable_definition_id", "Definition _id (from list_variable_definitions).", ParameterType.String, required: true),
            Param.Body("value", "The value as a string, matching the definition's format, e.g. 'https://erp.globex.example'.", ParameterType.String, required: true),
            Param.Body("linked_account_id", "Set the value for this linked account (account scope), e.g. 'acct_9001'."),
            Param.Body("workflow_id", "Set the value for this workflow (workflow scope); _id from list_workflows."),
        ],
    };

    public static Operation ListVariableValues { get; } = new()
    {
        Name = "list_variable_values",
        Group = Group,
        Title = "List variable values",
        Description = "Page through stored variable values of one scope, optionally for one definition; encrypted values read as '[REDACTED]'. Workflow scope needs workflow_id. Returns a page: status, docs[] (each with _id, value and the populated variable_definition_id), totalDocs. Use the _id with delete_variable_value.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/env/values/{scope}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Path("scope", "Scope whose values to list.") with { Enum = ["org", "workspace", "linked_account", "workflow"] },
            Param.Query("variable_definition_id", "Only values of this definition _id (from list_variable_definitions)."),
            Param.Query("linked_account_id", "Linked account whose values to list when using an org API key, e.g. 'acct_9001'."),
            Param.Query("workflow_id", "Workflow _id whose values to list; required when scope is 'workflow'."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation DeleteVariableValue { get; } = new()
    {
        Name = "delete_variable_value",
        Group = Group,
        Title = "Delete a variable value",
        Description = "Permanently remove one stored value of a variable; the definition stays. Account-scoped values can only be deleted for the owning account. Returns {status, message}. Pass value_id, the value's own _id from list_variable_values or set_variable_value (not the definition id).",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/env/values/{value_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("value_id", "The value's _id (from list_variable_values), not the definition _id."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListVariableDefinitions, GetVariableDefinition, GetVariableValue, SetVariableValue, ListVariableValues, DeleteVariableValue];
}
