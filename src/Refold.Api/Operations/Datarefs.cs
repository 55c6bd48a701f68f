using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Datarefs: TODO one line.</summary>
public static class Datarefs
{
    public static OperationGroup Group { get; } = new("datarefs", "Datarefs", "TODO");

    public static Operation ListDatarefs { get; } = new()
    {
        Name = "list_datarefs",
        Group = Group,
        Title = "TODO",
        Description = "Page through datarefs (named reference-data stores) of the org+environment; optionally only one account's, or unique names.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/dataref",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.Page,
            Param.Limit,
            Param.Query("linked_account_id", "Only this account's datarefs."),
            Param.Query("unique", "'true' returns unique names with their linked accounts."),
        ],
    };

    public static Operation CreateDataref { get; } = new()
    {
        Name = "create_dataref",
        Group = Group,
        Title = "TODO",
        Description = "Create an empty dataref for a linked account (workflows fill it later).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/dataref",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Create,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Body("refName", "Dataref name.", ParameterType.String, required: true),
        ],
    };

    public static Operation GetDataref { get; } = new()
    {
        Name = "get_dataref",
        Group = Group,
        Title = "TODO",
        Description = "Return a dataref's records as a table (headers + rows), paginated by record id.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/dataref/{refName}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Pagination = Pagination.Rows,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("refName", "Dataref name."),
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation DeleteDataref { get; } = new()
    {
        Name = "delete_dataref",
        Group = Group,
        Title = "TODO",
        Description = "Delete a dataref and all its records for the linked account.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/dataref/{refName}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("refName", "Dataref name."),
        ],
    };

    public static Operation ClearDatarefRecords { get; } = new()
    {
        Name = "clear_dataref_records",
        Group = Group,
        Title = "TODO",
        Description = "Empty a dataref (data becomes {}) but keep the dataref itself.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/dataref/{refName}/clear-records",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Delete,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("refName", "Dataref name."),
        ],
    };

    public static Operation EditDatarefGroup { get; } = new()
    {
        Name = "edit_dataref_group",
        Group = Group,
        Title = "TODO",
        Description = "Set or clear (empty string) the group label on several datarefs.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/datarefs/group",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Update,
        SuccessStatus = 204,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Body("refNames", "Dataref names.", ParameterType.StringArray, required: true),
            Param.Body("group", "Label; empty unsets."),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListDatarefs, CreateDataref, GetDataref, DeleteDataref, ClearDatarefRecords, EditDatarefGroup];
}
