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
        Description = "Pages through the MCP server definitions (bundles of apps, actions, workflows and chains offered to AI agents), newest first. Use it to find an mcp_server_id for get_mcp_server, update_mcp_server or delete_mcp_server. Returns a page: docs[] (_id, name, description, environment), totalDocs, totalPages, hasNextPage; limit is capped at 100.",
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
        Description = "Creates an empty MCP server definition with just a name and description. Configure its apps, actions, workflows, chains and prompt afterwards with update_mcp_server. Returns {_id, name, description} with HTTP 201; use _id as mcp_server_id.",
        Method = HttpMethod.Post,
        Route = "/api/v2/public/mcp-servers",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Create,
        SuccessStatus = 201,
        Parameters =
        [
            Param.LinkedAccountHeader,
            Param.Body("name", "Name of the server, e.g. 'Support copilot'.", ParameterType.String, required: true),
            Param.Body("description", "What the server is for, e.g. 'Tools for ticket triage'.", ParameterType.String, required: true),
        ],
    };

    public static Operation GetMcpServer { get; } = new()
    {
        Name = "get_mcp_server",
        Group = Group,
        Title = "Get an MCP server",
        Description = "Returns the full definition of one MCP server: associated_apps (slug with its workflows and actions), chains, suggestions, notebooks, agent_name, colours, base_prompt and safe_mode. Use it to review a server before changing it with update_mcp_server. Pass mcp_server_id from list_mcp_servers; 404 if unknown.",
        Method = HttpMethod.Get,
        Route = "/api/v2/public/mcp-servers/{mcp_server_id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Read,
        Parameters =
        [
            Param.Path("mcp_server_id", "MCP server _id from list_mcp_servers, e.g. '66a1f00dbeefcafe00000f01'."),
            Param.LinkedAccountHeader,
        ],
    };

    public static Operation UpdateMcpServer { get; } = new()
    {
        Name = "update_mcp_server",
        Group = Group,
        Title = "Update an MCP server",
        Description = "Changes an MCP server definition; only the fields you send are written. Use it to choose which apps, actions and workflows the server exposes, to define chains and prompt suggestions, and to set the agent's name, colours, base prompt and safe mode. Returns the full updated server. Pass mcp_server_id from list_mcp_servers; 404 if unknown.",
        Method = HttpMethod.Put,
        Route = "/api/v2/public/mcp-servers/{mcp_server_id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Update,
        Parameters =
        [
            Param.Path("mcp_server_id", "MCP server _id from list_mcp_servers, e.g. '66a1f00dbeefcafe00000f01'."),
            Param.LinkedAccountHeader,
            Param.Body("name", "New server name."),
            Param.Body("description", "New description."),
            Param.Body("associated_apps", "Apps to expose, e.g. [{\"slug\": \"zendesk\", \"actions\": [\"create_ticket\"], \"workflows\": [\"<workflowId>\"]}]; action and workflow entries may also be {id, name, description}.", ParameterType.ObjectArray),
            Param.Body("suggestions", "Prompt suggestions, e.g. [{\"name\": \"Open tickets\", \"prompt\": \"List my open tickets\"}].", ParameterType.ObjectArray),
            Param.Body("chains", "Agent chains, each an object with name, goals, steps, precheck, successCondition, responseFormat and onError.", ParameterType.ObjectArray),
            Param.Body("agent_name", "Display name of the agent, e.g. 'Triage Bot'."),
            Param.Body("primary_color", "Primary colour as a hex code, e.g. '#0E7C86'."),
            Param.Body("secondary_color", "Secondary colour as a hex code, e.g. '#FFFFFF'."),
            Param.Body("base_prompt", "System prompt given to the agent."),
            Param.Body("safe_mode", "true to turn the server's safe mode on, false to turn it off.", ParameterType.Boolean),
        ],
    };

    public static Operation DeleteMcpServer { get; } = new()
    {
        Name = "delete_mcp_server",
        Group = Group,
        Title = "Delete an MCP server",
        Description = "Permanently deletes one MCP server definition. Returns HTTP 204 with no body; 404 if the id is unknown. Pass mcp_server_id from list_mcp_servers.",
        Method = HttpMethod.Delete,
        Route = "/api/v2/public/mcp-servers/{mcp_server_id}",
        Auth = AuthLevel.Either,
        Scope = ResourceScope.Org,
        Hints = ToolHints.Delete,
        SuccessStatus = 204,
        Parameters =
        [
            Param.Path("mcp_server_id", "MCP server _id from list_mcp_servers, e.g. '66a1f00dbeefcafe00000f01'."),
            Param.LinkedAccountHeader,
        ],
    };

    public static IReadOnlyList<Operation> All { get; } = [ListMcpServers, CreateMcpServer, GetMcpServer, UpdateMcpServer, DeleteMcpServer];
}
