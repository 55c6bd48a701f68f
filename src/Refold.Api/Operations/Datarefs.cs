using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Datarefs: list, create, read, clear, delete and group the named reference-data stores kept per linked account.</summary>
public static class Datarefs
{
    public static OperationGroup Group { get; } = new("datarefs", "Datarefs", "Manage datarefs, the named reference-data stores (lookup tables filled by workflows) that each linked account owns: list, create, read as rows, clear, delete and group them.");

    public static Operation ListDatarefs { get; } = new()
    {
        Name = "list_datarefs",
        Group = Group,
        Title = "List datarefs",
        Description = "Page through the datarefs of the org and environment, optionally only one linked account's, or with unique='true' just the distinct names and which accounts have them. Items carry name and linked_account_id but not their records; read those with get_dataref. Returns a page: docs[], totalDocs, hasNextPage.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/dataref",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Page,
            Param.Limit,
            Param.Query("linked_account_id", "Only datarefs of this linked account, e.g. 'acct_9001'."),
            Param.Query("unique", "'true' to list each dataref name once together with its linked accounts.") with { Enum = ["true", "false"] },
        ],
    };

    public static Operation CreateDataref { get; } = new()
    {
        Name = "create_dataref",
        Group = Group,
        Title = "Create a dataref",
        Description = "Create a new, empty dataref under a name for the linked account given in linked_account_id; workflows fill its records later. Returns the dataref with _id, name and an empty data map. Check list_datarefs first to avoid reusing a name.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/dataref",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "get_dataref", LookFor = "the dataref (a taken name is refused with 400)", Arguments = [("refName", "refName")] },
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("refName", "Name of the new dataref, e.g. 'sku_map'.", ParameterType.String, required: true),
        ],
    };

    public static Operation GetDataref { get; } = new()
    {
        Name = "get_dataref",
        Group = Group,
        Title = "Get dataref records",
        Description = "Read the records of one dataref as a table, paged by record id: headers[] (column names, starting with record_id) and rows[] (one object per record), plus page, totalDocs, totalPages, hasNextPage. Pass refName (the dataref name from list_datarefs) and the owning account in linked_account_id.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/dataref/{refName}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Rows,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("refName", "Dataref name (from list_datarefs), e.g. 'sku_map'."),
            Param.Page,
            Param.Limit with { Description = "Records per page (default 100).", DescribedOnce = false },
        ],
    };

    public static Operation DeleteDataref { get; } = new()
    {
        Name = "delete_dataref",
        Group = Group,
        Title = "Delete a dataref",
        Description = "Permanently remove a dataref together with all its records for the account in linked_account_id. To keep the dataref but empty it, use clear_dataref_records instead. Returns {acknowledged, deletedCount}; deletedCount 0 means nothing matched. Pass refName from list_datarefs.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/dataref/{refName}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("refName", "Dataref name (from list_datarefs), e.g. 'sku_map'."),
        ],
    };

    public static Operation ClearDatarefRecords { get; } = new()
    {
        Name = "clear_dataref_records",
        Group = Group,
        Title = "Clear dataref records",
        Description = "Erase every record of a dataref while keeping the dataref itself (its data map becomes {}). Use delete_dataref to remove it entirely. Returns the emptied dataref object. Pass refName from list_datarefs and the owning account in linked_account_id.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/dataref/{refName}/clear-records",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("refName", "Dataref name (from list_datarefs), e.g. 'sku_map'."),
        ],
    };

    public static Operation EditDatarefGroup { get; } = new()
    {
        Name = "edit_dataref_group",
        Group = Group,
        Title = "Set the group of datarefs",
        Description = "Put several datarefs under one group label for organising them, or remove their label by sending an empty group. Answers 204 with no body. Pass the dataref names (from list_datarefs) in refNames.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/datarefs/group",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        SuccessStatus = 204,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("refNames", "Names of the datarefs to relabel, e.g. [\"sku_map\", \"region_codes\"].", ParameterType.StringArray, required: true),
            Param.Body("group", "Group label to set, e.g. 'catalog'; an empty string removes the label."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListDatarefs, CreateDataref, GetDataref, DeleteDataref, ClearDatarefRecords, EditDatarefGroup];
}
