using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Persistent Tables: create and manage API-managed tables per linked account, their columns and their rows.</summary>
public static class Tables
{
    public static OperationGroup Group { get; } = new("tables", "Persistent Tables", "Store structured data per linked account in API-managed persistent tables: create and list tables, add, search, update and delete rows, and add, rename or remove columns.");

    public static Operation ListTables { get; } = new()
    {
        Name = "list_tables",
        Group = Group,
        Title = "List tables",
        Description = "Pages through the org's persistent tables, optionally by name pattern.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/tables",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
            Param.Query("name", "Regex on names."),
        ],
    };

    public static Operation CreateTable { get; } = new()
    {
        Name = "create_table",
        Group = Group,
        Title = "Create a table",
        Description = "Creates a table of up to 20 columns; an existing name returns its id (already_exists).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/tables",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("table_name", "", ParameterType.String, required: true),
            Param.Body("columns", "Up to 20 objects {column_name}.", ParameterType.ObjectArray, required: true),
        ],
    };

    public static Operation GetTableRecords { get; } = new()
    {
        Name = "get_table_records",
        Group = Group,
        Title = "Get table records",
        Description = "Pages through a table's rows with their record_id; search_table_records finds rows by value.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/tables/{table_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "").From("list_tables"),
            Param.Page,
            Param.Limit with { Description = "Rows per page (default 100).", DescribedOnce = false, Unlisted = false },
        ],
    };

    public static Operation AddTableRecords { get; } = new()
    {
        Name = "add_table_records",
        Group = Group,
        Title = "Add table records",
        Description = "Inserts one row (object) or several (array), each with a new record_id; non-column keys are dropped.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "search_table_records", LookFor = "the records you sent", Arguments = [("table_id", "table_id")] },
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "").From("list_tables"),
            Param.Body("data", "Row or rows keyed by column.", ParameterType.ObjectOrObjectArray, required: true),
        ],
    };

    public static Operation UpdateTableRecord { get; } = new()
    {
        Name = "update_table_record",
        Group = Group,
        Title = "Update a table record",
        Description = "Change column values of one existing row, leaving other columns as they are. Returns the updated row. Pass table_id from list_tables and the row's record_id from get_table_records or search_table_records.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}/records/{record_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Inferred = true,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "").From("list_tables"),
            Param.Path("record_id", "").From("get_table_records"),
            Param.Body("data", "Values keyed by column name.", ParameterType.Object, required: true),
        ],
    };

    public static Operation DeleteTable { get; } = new()
    {
        Name = "delete_table",
        Group = Group,
        Title = "Delete a table",
        Description = "Deletes a whole table with its rows; delete_table_record drops one row.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/tables/{table_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "").From("list_tables"),
        ],
    };

    public static Operation DeleteTableRecord { get; } = new()
    {
        Name = "delete_table_record",
        Group = Group,
        Title = "Delete a table record",
        Description = "Removes one row from a table and answers with the deleted row's values.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/tables/{table_id}/{record_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "").From("list_tables"),
            Param.Path("record_id", "").From("get_table_records"),
        ],
    };

    public static Operation AddTableColumns { get; } = new()
    {
        Name = "add_table_columns",
        Group = Group,
        Title = "Add table columns",
        Description = "Appends new columns to a table (unused names, 20 columns at most).",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}/columns/add",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "").From("list_tables"),
            Param.Body("columns", "", ParameterType.StringArray, required: true),
        ],
    };

    public static Operation RemoveTableColumns { get; } = new()
    {
        Name = "remove_table_columns",
        Group = Group,
        Title = "Remove table columns",
        Description = "Drops columns from a table and their values in every row; one column must stay.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/tables/{table_id}/columns/remove",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "").From("list_tables"),
            Param.Body("columns", "Names, from get_table_records.", ParameterType.StringArray, required: true),
        ],
    };

    public static Operation RenameTableColumns { get; } = new()
    {
        Name = "rename_table_columns",
        Group = Group,
        Title = "Rename table columns",
        Description = "Renames columns in one atomic step, rewriting existing rows' keys.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}/columns/rename",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "").From("list_tables"),
            Param.Body("renames", "[{old_name, new_name}].", ParameterType.ObjectArray, required: true),
        ],
    };

    public static Operation SearchTableRecords { get; } = new()
    {
        Name = "search_table_records",
        Group = Group,
        Title = "Search table records",
        Description = "Finds a table's rows whose columns match the given regular expressions (not paged).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/tables/{table_id}/search",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "").From("list_tables"),
            Param.WholeBody("filters", "Column name to regex, e.g. {\"stage\":\"new\"}.", required: true),
        ],
    };

    public static Operation EditTableGroup { get; } = new()
    {
        Name = "edit_table_group",
        Group = Group,
        Title = "Group tables",
        Description = "Puts one group label on several tables, or removes it with an empty group.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/tables/group/edit",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        SuccessStatus = 204,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("tableIds", "Table _ids", ParameterType.StringArray, required: true).From("list_tables"),
            Param.Body("group", "Label; empty removes it."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListTables, CreateTable, GetTableRecords, AddTableRecords, UpdateTableRecord, DeleteTable, DeleteTableRecord, AddTableColumns, RemoveTableColumns, RenameTableColumns, SearchTableRecords, EditTableGroup];
}
