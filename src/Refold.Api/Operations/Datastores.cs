using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>Datastores (deprecated): TODO one line.</summary>
public static class Datastores
{
    public static OperationGroup Group { get; } = new("datastores", "Datastores (deprecated)", "TODO");

    public static Operation ListConfigDatastores { get; } = new()
    {
        Name = "list_config_datastores",
        Group = Group,
        Title = "TODO",
        Description = "Names of the workflow-written datastores saved on an app config. Deprecated in favour of Persistent Tables.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/datastore/config/{slug}",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Deprecated = true,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("slug", "App slug."),
            Param.Query("config_id", "Default = linked account id."),
        ],
    };

    public static Operation ListDatastoreRecords { get; } = new()
    {
        Name = "list_datastore_records",
        Group = Group,
        Title = "TODO",
        Description = "All records of one datastore as a raw array (no pagination).",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/datastore/config/{slug}/{datastore_name}/records",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Deprecated = true,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("slug", "App slug."),
            Param.Path("datastore_name", "Datastore name."),
            Param.Query("config_id", "Default = linked account id."),
        ],
    };

    public static Operation SearchDatastoreRecords { get; } = new()
    {
        Name = "search_datastore_records",
        Group = Group,
        Title = "TODO",
        Description = "Filter a datastore's records with a {field: value} map (case-insensitive regex).",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/datastore/config/{slug}/{datastore_name}/search",
        Auth = AuthLevel.Org,
        Hints = ToolHints.Read,
        Deprecated = true,
        Parameters =
        [
            Param.RequiredLinkedAccountHeader,
            Param.Path("slug", "App slug."),
            Param.Path("datastore_name", "Datastore name."),
            Param.Query("config_id", "Default = linked account id."),
            Param.WholeBody("filters", "{field: value}.", required: true),
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListConfigDatastores, ListDatastoreRecords, SearchDatastoreRecords];
}
