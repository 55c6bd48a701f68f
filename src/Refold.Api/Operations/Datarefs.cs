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
        Description = "Pages through the org's datarefs (named record sets workflows fill), without their records.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/dataref",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Page,
            Param.Limit,
            Param.Query("linked_account_id", ""),
            Param.Query("unique", "Each name once, with its accounts.") with { Enum = ["true", "false"] },
        ],
    };

    public static Operation CreateDataref { get; } = new()
    {
        Name = "create_dataref",
        Group = Group,
        Title = "Create a dataref",
        Description = "Creates an empty dataref under a new name, for workflows to fill.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/dataref",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        OutcomeCheck = new() { Read = "get_dataref", LookFor = "the dataref (a taken name is refused with 400)", Arguments = [("refName", "refName")] },
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("refName", "", ParameterType.String, required: true),
        ],
    };

    public static Operation GetDataref { get; } = new()
    {
        Name = "get_dataref",
        Group = Group,
        Title = "Get dataref records",
        Description = "Reads one dataref's records as a table (headers[], rows[]), paged by record.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/dataref/{refName}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Rows,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("refName", "").From("list_datarefs"),
            Param.Page,
            Param.Limit with { Description = "Records per page (default 100).", DescribedOnce = false, Unlisted = false },
        ],
    };

    public static Operation DeleteDataref { get; } = new()
    {
        Name = "delete_dataref",
        Group = Group,
        Title = "Delete a dataref",
        Description = "Removes a dataref with all its records; clear_dataref_records only empties it.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/dataref/{refName}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("refName", "").From("list_datarefs"),
        ],
    };

    public static Operation ClearDatarefRecords { get; } = new()
    {
        Name = "clear_dataref_records",
        Group = Group,
        Title = "Clear dataref records",
        Description = "Erases every record of a dataref but keeps the dataref; delete_dataref removes it.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/dataref/{refName}/clear-records",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Path("refName", "").From("list_datarefs"),
        ],
    };

    public static Operation EditDatarefGroup { get; } = new()
    {
        Name = "edit_dataref_group",
        Group = Group,
        Title = "Group datarefs",
        Description = "Puts one group label on several datarefs, or removes it with an empty group.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/datarefs/group",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        SuccessStatus = 204,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("refNames", "", ParameterType.StringArray, required: true).From("list_datarefs"),
            Param.Body("group", "Label; empty removes it."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListDatarefs, CreateDataref, GetDataref, DeleteDataref, ClearDatarefRecords, EditDatarefGroup];
}
