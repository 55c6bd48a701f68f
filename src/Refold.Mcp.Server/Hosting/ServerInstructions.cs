using System.Text;
using Refold.Api.Operations;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Hosting;

/// <summary>The server instructions an agent reads at initialize, built from the surface in use so they name only tools it has.</summary>
public static class ServerInstructions
{
    public static string For(Surface surface)
    {
        var text = new StringBuilder(
            "Tools for the Refold integration platform: linked accounts (your customers), applications, workflows and their executions, " +
            "webhooks, configs, schedules, tables and more. ");
        if (surface.Mode == ToolMode.Compact)
        {
            text.Append($"A few common jobs have tools of their own; for anything else find the operation with {SearchOperationsTool.ToolName} ")
                .Append($"(include_schemas returns the arguments of the best hits), read its arguments with {DescribeOperationTool.ToolName}, and run it with ")
                .Append(surface.ReadOnly
                    ? $"{CallOperationTool.ReadToolName}. "
                    : $"{CallOperationTool.ReadToolName}, {CallOperationTool.WriteToolName} or {CallOperationTool.DestructiveToolName} (the one search_operations names in call_with). ");
        }
        else
        {
            text.Append("Every Refold operation available here is its own tool; read a tool's description for which sibling to use and where its ids come from. ");
        }

        // Facts every tool shares, said here once instead of in each tool's description.
        text.Append("With an org API key, a tool that acts for one customer takes linked_account_id (the customer's account_id); ")
            .Append("a session token names its own account, so leave it out. ")
            .Append(IdSources.Sentence(surface))
            .Append("config_id defaults to the linked account id. ")
            .Append("Paged lists take page (from 1) and limit; their results carry totalDocs and hasNextPage. ")
            .Append("Unknown arguments are refused with the known ones named. Each tool's outputSchema gives the members its result has; ")
            .Append("Refold records also carry their id as _id, which outputSchemas leave out. ");

        if (surface.Toolsets is { } toolsets)
        {
            text.Append("Only these resource groups are enabled: ").AppendJoin(", ", toolsets.Order(StringComparer.Ordinal)).Append(". ");
        }

        if (surface.ReadOnly)
        {
            text.Append("This server is read-only: nothing can be created, changed or deleted. ");
        }
        else
        {
            if (surface.Toolsets is null || (surface.Toolsets.Contains(Workflows.Group.Id) && surface.Toolsets.Contains(Executions.Group.Id)))
            {
                text.Append("To run a workflow use run_workflow: it checks the input, follows the run with progress and reports each node; ")
                    .Append("wait_for_execution follows a run that already exists. ");
            }

            text.Append(surface.Confirm switch
                {
                    ConfirmMode.Never => "",
                    ConfirmMode.Writes => "Every write asks the user to confirm first; ",
                    _ => "Destructive operations (deletes, replacements, workflow runs) ask the user to confirm first; ",
                })
                .Append("a write given dry_run: true returns the exact request it would send (secrets redacted) and sends nothing. ");
        }

        text.Append($"Results over about {surface.Budget.MaxTokens} tokens are cut by whole items and say truncated: true with how to get the rest; ")
            .Append("read-only operations take fields (member names, dotted for nested ones) to return only the members you need. ")
            .Append("Errors come back as results with isError and a structured body (status_code, error_code, message, retryable, hint).");
        return text.ToString();
    }
}
