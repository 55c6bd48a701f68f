using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>MCP Servers: TODO one line.</summary>
public static class McpServers
{
    public static OperationGroup Group { get; } = new("mcp_servers", "MCP Servers", "TODO");

    public static Operation ListMcpServers { get; } = new()
    {
        Name = "list_mcp_servers",
        Group = Group,
        Title = "TODO",
        Description = "Page through MCP server definitions (exposing apps/actions/workflows/chains as agent tools), newest first.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/mcp-servers",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Pagination = Pagination.Docs,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Page,
            Param.Limit,
        ],
    };

    public static Operation CreateMcpServer { get; } = new()
    {
        Name = "create_mcp_server",
        Group = Group,
        Title = "TODO",
        Description = "Create an MCP server shell with a name and description; configure it afterwards with update_mcp_server. Returns 201.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/mcp-servers",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Create,
        SuccessStatus = 201,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("name", "Server name.", ParameterType.String, required: true),
            Param.Body("description", "Server description.", ParameterType.String, required: true),
        ],
    };

    public static Operation GetMcpServer { get; } = new()
    {
        Name = "get_mcp_server",
        Group = Group,
        Title = "TODO",
        Description = "Full MCP server record incl. associated apps, chains, suggestions and notebooks.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/mcp-servers/{mcp_server_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("mcp_server_id", "Server _id."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation UpdateMcpServer { get; } = new()
    {
        Name = "update_mcp_server",
        Group = Group,
        Title = "TODO",
        Description = "Patch-style update: only fields sent are written.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/mcp-servers/{mcp_server_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Path("mcp_server_id", "Server _id."),
            Param.LinkedAccountHeader,
            Param.Body("name", "Name."),
            Param.Body("description", "Description."),
            Param.Body("associated_apps", "[{slug, workflows:[id|{id,name,description}], actions:[id|{id,name,description}]}].", ParameterType.ObjectArray),
            Param.Body("suggestions", "[{name, prompt}].", ParameterType.ObjectArray),
            Param.Body("chains", "Agent chains: [{name, goals, steps, precheck, successCondition, responseFormat, onError}].", ParameterType.ObjectArray),
            Param.Body("agent_name", "Display name of the agent."),
            Param.Body("primary_color", "Hex colour."),
            Param.Body("secondary_color", "Hex colour."),
            Param.Body("base_prompt", "System prompt."),
            Param.Body("safe_mode", "Safety toggle.", ParameterType.Boolean),
        ],
    };

    public static Operation DeleteMcpServer { get; } = new()
    {
        Name = "delete_mcp_server",
        Group = Group,
        Title = "TODO",
        Description = "Delete an MCP server definition.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/mcp-servers/{mcp_server_id}",
        Auth = AuthLevel.Either,
        Hints = ToolHints.Delete,
        SuccessStatus = 204,
        Parameters =
        [
            Param.Path("mcp_server_id", "Server _id."),
            Param.LinkedAccountHeader,
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListMcpServers, CreateMcpServer, GetMcpServer, UpdateMcpServer, DeleteMcpServer];
}
