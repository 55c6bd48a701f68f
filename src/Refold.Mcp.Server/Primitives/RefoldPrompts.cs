using Refold.Api.Client;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Refold.Mcp.Server.Primitives;

/// <summary>
/// A few prompts for the jobs people bring most often. Each is a user message that names the tools to use in order;
/// the arguments are the person's words, quoted as data.
/// </summary>
public static class RefoldPrompts
{
    private sealed record Template(Prompt Prompt, Func<IReadOnlyDictionary<string, string>, string> Text);

    private static readonly Template[] s_prompts =
    [
        new(new Prompt
        {
            Name = "run_workflow_for_customer",
            Title = "Run a workflow for a customer",
            Description = "Find the customer's linked account and the workflow, check its input, run it and report each node.",
            Arguments =
            [
                new PromptArgument { Name = "customer", Description = "The customer's name or linked account id, e.g. 'Globex'.", Required = true },
                new PromptArgument { Name = "workflow", Description = "The workflow's name, alias or id, e.g. 'Nightly contact sync'.", Required = true },
                new PromptArgument { Name = "input", Description = "What the run should work on, in words or JSON (optional)." },
            ],
        }, a => $"""
            Run the Refold workflow {Quote(a["workflow"])} for the customer {Quote(a["customer"])}{(a.TryGetValue("input", out var input) ? $" with this input: {Quote(input)}" : "")}.
            1. Find the customer's linked account id with list_linked_accounts (or get_linked_account when you already have the id).
            2. Read the workflow's expected input with get_workflow_request_structure and build the input from what I said; ask me for anything missing instead of guessing.
            3. Run it with run_workflow (workflow, linked_account_id, input). If it answers finished: false, call wait_for_execution with the execution_id; if it waits for a human task, tell me what the form asks.
            4. Report node by node: name, status, attempts, and the error of any failed node, then the return value.
            """),
        new(new Prompt
        {
            Name = "diagnose_failed_execution",
            Title = "Diagnose a failed execution",
            Description = "Find a failed run (or take its id), name the node that failed and why, and suggest the fix.",
            Arguments =
            [
                new PromptArgument { Name = "execution_id", Description = "The run's id, if known." },
                new PromptArgument { Name = "workflow", Description = "The workflow's name, if the id is not known, e.g. 'Escalate urgent ticket'." },
                new PromptArgument { Name = "customer", Description = "The customer's linked account id, if known." },
            ],
        }, a => $"""
            Find out why a Refold workflow run failed{Describe(a)}.
            1. {(a.ContainsKey("execution_id") ? "Read the run with get_execution." : "Find the newest failed run with list_executions (status ERRORED; filter by workflow and account when known), then read it with get_execution.")}
            2. Name the node that failed, its attempts and its error exactly as the execution records it.
            3. Explain the likely cause in plain words and what would fix it (for example a connection the account lacks, or a bad input). Do not rerun anything unless I ask.
            """),
        new(new Prompt
        {
            Name = "onboard_customer",
            Title = "Onboard a customer",
            Description = "Create the customer's linked account, mint a session token, and list what they can connect and run.",
            Arguments =
            [
                new PromptArgument { Name = "account_id", Description = "Your id for the customer, e.g. 'acct_acme'.", Required = true },
                new PromptArgument { Name = "name", Description = "The customer's display name, e.g. 'Acme Corp'.", Required = true },
            ],
        }, a => $"""
            Onboard the customer {Quote(a["name"])} as the Refold linked account {Quote(a["account_id"])}.
            1. Check with get_linked_account that the id is free; if it exists, stop and tell me.
            2. Create it with create_linked_account (account_id, name).
            3. Mint a session token with generate_session_token for it; do not show me the token itself, only that it was minted and when it expires.
            4. List the applications it can connect (list_applications) and the workflows enabled for it (list_enabled_workflows), and summarise what is left to set up.
            """),
    ];

    public static IMcpServerBuilder WithRefoldPrompts(this IMcpServerBuilder builder) => builder
        .WithListPromptsHandler((_, _) => ValueTask.FromResult(new ListPromptsResult { Prompts = [.. s_prompts.Select(p => p.Prompt)] }))
        .WithGetPromptHandler((request, _) => ValueTask.FromResult(Get(request.Params)));

    private static GetPromptResult Get(GetPromptRequestParams? request)
    {
        var template = s_prompts.FirstOrDefault(p => p.Prompt.Name == request?.Name)
            ?? throw new McpProtocolException($"Unknown prompt '{request?.Name}'; this server has {string.Join(", ", s_prompts.Select(p => p.Prompt.Name))}.", McpErrorCode.InvalidParams);
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request!.Arguments ?? new Dictionary<string, JsonElement>())
        {
            if (template.Prompt.Arguments?.All(a => a.Name != name) ?? true)
            {
                throw new McpProtocolException($"Prompt '{template.Prompt.Name}' has no argument '{ArgumentValidator.Clip(name)}'; it takes {string.Join(", ", template.Prompt.Arguments!.Select(a => a.Name))}.", McpErrorCode.InvalidParams);
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (!string.IsNullOrWhiteSpace(text))
            {
                arguments[name] = text.Trim();
            }
        }

        if (template.Prompt.Arguments!.FirstOrDefault(a => a.Required == true && !arguments.ContainsKey(a.Name)) is { } missing)
        {
            throw new McpProtocolException($"Prompt '{template.Prompt.Name}' needs the argument '{missing.Name}': {missing.Description}", McpErrorCode.InvalidParams);
        }

        return new GetPromptResult
        {
            Description = template.Prompt.Description,
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = template.Text(arguments) } }],
        };
    }

    // The person's words go in as quoted data, cut to a sane length, on one line.
    private static string Quote(string text)
    {
        var flat = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
        return "\"" + (flat.Length > 300 ? flat[..300] + "…" : flat).Replace("\"", "'", StringComparison.Ordinal) + "\"";
    }

    private static string Describe(IReadOnlyDictionary<string, string> a) =>
        string.Concat(new[] { ("execution_id", " (execution {0})"), ("workflow", " of the workflow {0}"), ("customer", " for the customer {0}") }
            .Where(p => a.ContainsKey(p.Item1))
            .Select(p => string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Item2, Quote(a[p.Item1]))));
}
