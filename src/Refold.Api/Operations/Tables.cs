using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Persistent Tables: TODO one line.</summary>
public static class Tables
{
    public static OperationGroup Group { get; } = new("tables", "Persistent Tables", "TODO");

    public static Operation ListTables { get; } = new()
    {
        Name = "list_tables",
        Group = Group,
        Title = "TODO",
        Description = "Page through API-managed persistent tables of the org+environment (each carries its linked_account_id).",
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
            Param.Query("name", "Regex search on table name."),
        ],
    };

    public static Operation CreateTable { get; } = new()
    {
        Name = "create_table",
        Group = Group,
        Title = "TODO",
        Description = "Create a persistent table with up to 20 columns for a linked account, or return the id of an existing one with the same name.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/tables",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Body("table_name", "Table name.", ParameterType.String, required: true),
            Param.Body("columns", "[{column_name: string}] – max 20.", ParameterType.ObjectArray, required: true),
        ],
    };

    public static Operation GetTableRecords { get; } = new()
    {
        Name = "get_table_records",
        Group = Group,
        Title = "TODO",
        Description = "Page through a table's rows together with its column list and name.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/tables/{table_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "Table _id."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation AddTableRecords { get; } = new()
    {
        Name = "add_table_records",
        Group = Group,
        Title = "TODO",
        Description = "Insert one row (object) or many rows (array); each gets a generated UUID record_id. Keys that are not columns are dropped. Max 10,000 rows per table.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "Table _id."),
            Param.Body("data", "Row or rows keyed by column name.", ParameterType.ObjectOrObjectArray, required: true),
        ],
    };

    public static Operation UpdateTableRecord { get; } = new()
    {
        Name = "update_table_record",
        Group = Group,
        Title = "TODO",
        Description = "Update one row; only announced in the changelog, body shape unknown.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}/records/{record_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Inferred = true,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "Table _id."),
            Param.Path("record_id", "Row UUID."),
            Param.Body("data", "INFERRED: {column: newValue} (possibly sent bare without the data wrapper).", ParameterType.Object, required: true),
        ],
    };

    public static Operation DeleteTable { get; } = new()
    {
        Name = "delete_table",
        Group = Group,
        Title = "TODO",
        Description = "Soft-delete a table (is_deleted=true); the body is the bare JSON literal true.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/tables/{table_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "Table _id."),
        ],
    };

    public static Operation DeleteTableRecord { get; } = new()
    {
        Name = "delete_table_record",
        Group = Group,
        Title = "TODO",
        Description = "Delete one row and get it back in the response.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/tables/{table_id}/{record_id}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "Table _id."),
            Param.Path("record_id", "Row UUID."),
        ],
    };

    public static Operation AddTableColumns { get; } = new()
    {
        Name = "add_table_columns",
        Group = Group,
        Title = "TODO",
        Description = "Add columns (no duplicates, at most 20 in total); returns the full column list.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}/columns/add",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "Table _id."),
            Param.Body("columns", "New column names.", ParameterType.StringArray, required: true),
        ],
    };

    public static Operation RemoveTableColumns { get; } = new()
    {
        Name = "remove_table_columns",
        Group = Group,
        Title = "TODO",
        Description = "Drop columns (a DELETE with a JSON body); at least one column must remain. Returns remaining columns.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/tables/{table_id}/columns/remove",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "Table _id."),
            Param.Body("columns", "Columns to drop.", ParameterType.StringArray, required: true),
        ],
    };

    public static Operation RenameTableColumns { get; } = new()
    {
        Name = "rename_table_columns",
        Group = Group,
        Title = "TODO",
        Description = "Rename columns atomically (chains like a->b, b->c allowed); row data is rewritten too. Returns the new column list.",
        Method = HttpMethod.Patch,
        Route = "/api/v2/public/tables/{table_id}/columns/rename",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "Table _id."),
            Param.Body("renames", "[{old_name, new_name}].", ParameterType.ObjectArray, required: true),
        ],
    };

    public static Operation SearchTableRecords { get; } = new()
    {
        Name = "search_table_records",
        Group = Group,
        Title = "TODO",
        Description = "Find rows whose columns match the given values (regex match). Returns a plain array, no pagination.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/tables/{table_id}/search",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("table_id", "Table _id."),
            Param.WholeBody("filters", "{column: value} pairs.", required: true),
        ],
    };

    public static Operation EditTableGroup { get; } = new()
    {
        Name = "edit_table_group",
        Group = Group,
        Title = "TODO",
        Description = "Set or clear (empty string) the group label on several tables.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/tables/group/edit",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        SuccessStatus = 204,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Body("tableIds", "Table ids.", ParameterType.StringArray, required: true),
            Param.Body("group", "Label; empty unsets."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListTables, CreateTable, GetTableRecords, AddTableRecords, UpdateTableRecord, DeleteTable, DeleteTableRecord, AddTableColumns, RemoveTableColumns, RenameTableColumns, SearchTableRecords, EditTableGroup];
}
