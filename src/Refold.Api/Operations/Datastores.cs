using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Datastores (deprecated): read and search the legacy datastores that workflows save on an app config.</summary>
public static class Datastores
{
    public static OperationGroup Group { get; } = new("datastores", "Datastores (deprecated)", "Read and search the legacy datastores that workflows write onto a linked account's app config; new data should live in Persistent Tables.");

    public static Operation ListConfigDatastores { get; } = new()
    {
        Name = "list_config_datastores",
        Group = Group,
        Title = "List config datastores",
        Description = "List the names of the datastores that workflows have saved on one app config of a linked account, as a plain array of strings. Use a name with list_datastore_records or search_datastore_records; for new data use the persistent table tools (list_tables). Pass the app slug from list_applications.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/datastore/config/{slug}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Deprecated = true,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.SlugPath,
            Param.Query("config_id", "Default: account id.") with { DescribedOnce = true },
        ],
    };

    public static Operation ListDatastoreRecords { get; } = new()
    {
        Name = "list_datastore_records",
        Group = Group,
        Title = "List datastore records",
        Description = "Return every record of one datastore on an app config as a plain array of objects, without paging. To fetch only matching records use search_datastore_records. Pass the app slug from list_applications and datastore_name from list_config_datastores.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/datastore/config/{slug}/{datastore_name}/records",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Deprecated = true,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.SlugPath,
            Param.Path("datastore_name", "From list_config_datastores."),
            Param.Query("config_id", "Default: account id.") with { DescribedOnce = true },
        ],
    };

    public static Operation SearchDatastoreRecords { get; } = new()
    {
        Name = "search_datastore_records",
        Group = Group,
        Title = "Search datastore records",
        Description = "Find the records of one datastore whose fields match given values (case-insensitive regular expressions). Read-only despite being a POST. Returns a plain array of matching records. Pass the app slug from list_applications and datastore_name from list_config_datastores.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/datastore/config/{slug}/{datastore_name}/search",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Deprecated = true,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.SlugPath,
            Param.Path("datastore_name", "From list_config_datastores."),
            Param.Query("config_id", "Default: account id.") with { DescribedOnce = true },
            Param.WholeBody("filters", "Field name to value, e.g. {\"org_name\":\"globex\"}.", required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListConfigDatastores, ListDatastoreRecords, SearchDatastoreRecords];
}
