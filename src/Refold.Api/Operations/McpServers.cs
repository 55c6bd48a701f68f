using Refold.Api.Catalog;

namespace Refold.Api.Operations;

/// <summary>MCP Servers: manage the MCP server definitions that expose apps, actions, workflows and chains as tools for AI agents.</summary>
public static class McpServers
{
    public static OperationGroup Group { get; } = new("mcp_servers", "MCP Servers", "Manage the MCP server definitions that expose apps, actions, workflows and chains as tools for AI agents.");

    public static Operation ListMcpServers { get; } = new()
    {
        Name = "list_mcp_servers",
        Group = Group,
        Title = "List MCP servers",
        Description = "Pages through the org's MCP server definitions (what is offered to agents), newest first.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/mcp-servers",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
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
        Title = "Create an MCP server",
        Description = "Creates an empty MCP server definition; update_mcp_server then sets what it offers agents.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/mcp-servers",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Create,
        SuccessStatus = 201,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("name", "", ParameterType.String, required: true),
            Param.Body("description", "", ParameterType.String, required: true),
        ],
    };

    public static Operation GetMcpServer { get; } = new()
    {
        Name = "get_mcp_server",
        Group = Group,
        Title = "Get an MCP server",
        Description = "Reads one MCP server definition in full: apps, workflows, actions, chains, prompt, safe mode.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/mcp-servers/{mcp_server_id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("mcp_server_id", "").From("list_mcp_servers"),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation UpdateMcpServer { get; } = new()
    {
        Name = "update_mcp_server",
        Group = Group,
        Title = "Update an MCP server",
        Description = "Changes an MCP server definition, writing only the fields you send.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/mcp-servers/{mcp_server_id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Path("mcp_server_id", "").From("list_mcp_servers"),
            Param.LinkedAccountHeader,
            Param.Body("name", ""),
            Param.Body("description", ""),
            Param.Body("associated_apps", "Apps to expose: [{slug, actions[], workflows[]}].", ParameterType.ObjectArray),
            Param.Body("suggestions", "", ParameterType.ObjectArray),
            Param.Body("chains", "[{name, goals, steps, onError, ...}].", ParameterType.ObjectArray),
            Param.Body("agent_name", ""),
            Param.Body("primary_color", ""),
            Param.Body("secondary_color", ""),
            Param.Body("base_prompt", ""),
            Param.Body("safe_mode", "", ParameterType.Boolean),
        ],
    };

    public static Operation DeleteMcpServer { get; } = new()
    {
        Name = "delete_mcp_server",
        Group = Group,
        Title = "Delete an MCP server",
        Description = "Permanently deletes one MCP server definition, so agents lose what it offered.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/mcp-servers/{mcp_server_id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Delete,
        SuccessStatus = 204,
        Parameters =
        [
            Param.Path("mcp_server_id", "").From("list_mcp_servers"),
            Param.LinkedAccountHeader,
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListMcpServers, CreateMcpServer, GetMcpServer, UpdateMcpServer, DeleteMcpServer];
}
