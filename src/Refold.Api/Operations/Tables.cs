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
        Description = "Page through the persistent tables of the org and environment, optionally filtered by a name pattern; each item has _id, name, linked_account_id and record_count. Use it to find the table_id the other table tools need. Returns a page: docs[], totalDocs, hasNextPage.",
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
            Param.Query("name", "Regular expression matched against table names, e.g. '^lead'."),
        ],
    };

    public static Operation CreateTable { get; } = new()
    {
        Name = "create_table",
        Group = Group,
        Title = "Create a table",
        Description = "Create a persistent table with up to 20 named columns for the account in linked_account_id. If a table with that name already exists, nothing new is made and its id comes back with already_exists true, so repeating is safe. Returns {table_id}; use it with add_table_records and get_table_records.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/tables",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("table_name", "Name of the table, e.g. 'leads'.", ParameterType.String, required: true),
            Param.Body("columns", "Column definitions as objects with column_name, at most 20, e.g. [{\"column_name\":\"email\"},{\"column_name\":\"stage\"}].", ParameterType.ObjectArray, required: true),
        ],
    };

    public static Operation GetTableRecords { get; } = new()
    {
        Name = "get_table_records",
        Group = Group,
        Title = "Get table records",
        Description = "Page through the rows of one table. Returns name, columns[] and docs[] (each row keyed by column with its record_id), plus totalDocs and hasNextPage. To find rows by value use search_table_records instead. Pass table_id, the _id from list_tables or create_table.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/tables/{table_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "Table _id (from list_tables or create_table)."),
            Param.Page,
            Param.Limit with { Description = "Rows per page (default 100).", DescribedOnce = false },
        ],
    };

    public static Operation AddTableRecords { get; } = new()
    {
        Name = "add_table_records",
        Group = Group,
        Title = "Add table records",
        Description = "Insert one row (an object) or several (an array of objects) into a table; each new row gets a generated UUID record_id, keys that are not columns are dropped, and a table holds at most 10,000 rows. Each call adds rows again. Returns add_record_result[] with the stored rows. Pass table_id from list_tables.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "search_table_records", LookFor = "the records you sent", Arguments = [("table_id", "table_id")] },
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "Table _id (from list_tables or create_table)."),
            Param.Body("data", "A row or an array of rows keyed by column name, e.g. {\"email\":\"pat@globex.example\",\"stage\":\"new\"}.", ParameterType.ObjectOrObjectArray, required: true),
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
            Param.Path("table_id", "Table _id (from list_tables)."),
            Param.Path("record_id", "The row's record_id, a UUID, e.g. '3f0c8a52-1a7e-4c33-9e1f-5b2d6c7a8e90'."),
            Param.Body("data", "New values keyed by column name, e.g. {\"stage\":\"qualified\"}.", ParameterType.Object, required: true),
        ],
    };

    public static Operation DeleteTable { get; } = new()
    {
        Name = "delete_table",
        Group = Group,
        Title = "Delete a table",
        Description = "Delete a whole persistent table with its rows; it is marked is_deleted and no longer usable. To drop single rows use delete_table_record. Returns the bare JSON value true. Pass table_id from list_tables.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/tables/{table_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "Table _id (from list_tables)."),
        ],
    };

    public static Operation DeleteTableRecord { get; } = new()
    {
        Name = "delete_table_record",
        Group = Group,
        Title = "Delete a table record",
        Description = "Remove one row from a table; the response is the deleted row, so its values can still be seen. Pass table_id from list_tables and the row's record_id from get_table_records or search_table_records.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/tables/{table_id}/{record_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "Table _id (from list_tables)."),
            Param.Path("record_id", "The row's record_id, a UUID, e.g. '3f0c8a52-1a7e-4c33-9e1f-5b2d6c7a8e90'."),
        ],
    };

    public static Operation AddTableColumns { get; } = new()
    {
        Name = "add_table_columns",
        Group = Group,
        Title = "Add table columns",
        Description = "Append new columns to a table; names must not already exist and the table may have at most 20 columns in total. Returns columns[], the full column list afterwards. Pass table_id from list_tables.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}/columns/add",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "Table _id (from list_tables)."),
            Param.Body("columns", "Names of the columns to add, e.g. [\"owner\"].", ParameterType.StringArray, required: true),
        ],
    };

    public static Operation RemoveTableColumns { get; } = new()
    {
        Name = "remove_table_columns",
        Group = Group,
        Title = "Remove table columns",
        Description = "Drop one or more columns from a table; at least one column has to stay. Returns columns[], the columns that remain. Pass table_id from list_tables and the column names shown by get_table_records.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/tables/{table_id}/columns/remove",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "Table _id (from list_tables)."),
            Param.Body("columns", "Names of the columns to drop, e.g. [\"owner\"].", ParameterType.StringArray, required: true),
        ],
    };

    public static Operation RenameTableColumns { get; } = new()
    {
        Name = "rename_table_columns",
        Group = Group,
        Title = "Rename table columns",
        Description = "Rename one or more columns in a single atomic step, also rewriting the keys in existing rows; chained renames such as a to b and b to c are allowed. Returns columns[], the new column list. Pass table_id from list_tables.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}/columns/rename",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "Table _id (from list_tables)."),
            Param.Body("renames", "Pairs of old_name and new_name, e.g. [{\"old_name\":\"stage\",\"new_name\":\"pipeline_stage\"}].", ParameterType.ObjectArray, required: true),
        ],
    };

    public static Operation SearchTableRecords { get; } = new()
    {
        Name = "search_table_records",
        Group = Group,
        Title = "Search table records",
        Description = "Find rows of a table whose columns match given values (each value is used as a regular expression). Read-only despite being a POST. Returns a plain array of matching rows with their record_id, without paging; use get_table_records to page through everything. Pass table_id from list_tables.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/tables/{table_id}/search",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("table_id", "Table _id (from list_tables)."),
            Param.WholeBody("filters", "Column names mapped to the value to match, e.g. {\"stage\":\"new\"}; sent as the whole request body.", required: true),
        ],
    };

    public static Operation EditTableGroup { get; } = new()
    {
        Name = "edit_table_group",
        Group = Group,
        Title = "Set the group of tables",
        Description = "Put several tables under one group label for organising them, or remove their label by sending an empty group. Answers 204 with no body. Pass the table _id values from list_tables in tableIds.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/tables/group/edit",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        SuccessStatus = 204,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("tableIds", "Table _id values to relabel (from list_tables).", ParameterType.StringArray, required: true),
            Param.Body("group", "Group label to set, e.g. 'crm'; an empty string removes the label."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListTables, CreateTable, GetTableRecords, AddTableRecords, UpdateTableRecord, DeleteTable, DeleteTableRecord, AddTableColumns, RemoveTableColumns, RenameTableColumns, SearchTableRecords, EditTableGroup];
}
