using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Refold.Api.Client;
using Refold.Mcp.Server.Hosting;
using Refold.Mcp.Server.Observability;
using Refold.Mcp.Server.Sessions;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Cli;

/// <summary><c>refold-mcp tools</c>, <c>call</c> and <c>describe</c>: the server's tools for a human at a terminal.</summary>
public static class CliCommands
{
    /// <summary>The tools/list result of a tool set, exactly as the server sends it.</summary>
    public static string ToolsJson(ToolSet set, bool indented = true)
    {
        var result = new ListToolsResult { Tools = [.. set.Tools.Select(t => t.ProtocolTool)] };
        var json = JsonSerializer.SerializeToNode(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ListToolsResult)))!;
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static int Tools(ToolSet set, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(ToolsJson(set));
            return 0;
        }

        var width = set.Tools.Max(t => t.Name.Length);
        output.WriteLine($"{"TOOL".PadRight(width)}  FLAGS  TITLE");
        foreach (var tool in set.Tools)
        {
            var a = WireHints.Read(tool.ProtocolTool.Annotations);
            var flags = new StringBuilder()
                .Append(a.ReadOnly ? 'R' : 'W')
                .Append(a.Destructive ? 'D' : '-')
                .Append(a.Idempotent ? 'I' : '-')
                .Append(a.OpenWorld ? 'O' : '-');
            output.WriteLine($"{tool.Name.PadRight(width)}  {flags}   {tool.ProtocolTool.Title}");
        }

        output.WriteLine();
        output.WriteLine($"{set.Tools.Count} tools reaching {set.Operations.Count} operations. Flags: R read-only / W writes, D destructive, I idempotent, O open world.");
        return 0;
    }

    /// <summary>
    /// Runs one tool; prints the structured result on stdout (a list as a table when <paramref name="table"/>, else
    /// JSON), progress and the text of an error on stderr. 1 on an error result.
    /// </summary>
    /// <param name="confirm">Answers a confirmation for this call (<see cref="CallConfirmation.For"/>); null: a call that needs one stops with <see cref="CallConfirmation.Advice"/>.</param>
    public static async Task<int> CallAsync(RefoldSession session, string toolName, string? argumentsJson, TextWriter output, TextWriter error, CancellationToken cancellationToken, AuditLog? audit = null, bool table = false,
        Func<string, CancellationToken, ValueTask<bool>>? confirm = null)
    {
        JsonObject? arguments;
        try
        {
            arguments = string.IsNullOrWhiteSpace(argumentsJson) ? [] : JsonNode.Parse(argumentsJson, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw new JsonException("the arguments must be a JSON object");
        }
        catch (JsonException e)
        {
            await error.WriteLineAsync($"The arguments are not a JSON object: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        CallToolResult result;
        if (session.Tools.ByName.TryGetValue(toolName, out var tool))
        {
            result = await tool.RunAsync(ToolCall.Local(session, arguments, cancellationToken, audit, Progress(error), confirm)).ConfigureAwait(false);
        }
        else if (session.Tools.Operations.FirstOrDefault(o => o.Name == toolName) is { } operation)
        {
            // Not a tool of its own on this surface, but reachable through the catalog tools: run it directly.
            result = await OperationRunner.RunAsync(ToolCall.Local(session, arguments, cancellationToken, audit, Progress(error), confirm), operation).ConfigureAwait(false);
        }
        else
        {
            await error.WriteLineAsync($"No tool or operation named '{toolName}' is reachable on this surface; 'refold-mcp tools' lists the tools.").ConfigureAwait(false);
            return 2;
        }

        var node = result.StructuredContent is { } structured ? JsonNode.Parse(structured.GetRawText()) : null;
        if (result.IsError == true && ServerJson.Text(node as JsonObject, "error_code") == CallConfirmation.UnavailableCode)
        {
            await error.WriteLineAsync(CallConfirmation.Advice(toolName, ServerJson.Text(node as JsonObject, "operation"))).ConfigureAwait(false);
            return 1;
        }

        if (node is not null)
        {
            if (!table || result.IsError == true || !ResultTable.TryWrite(node, output))
            {
                await output.WriteLineAsync(node.ToJsonString(ServerJson.ReadableIndented)).ConfigureAwait(false);
            }
        }

        if (result.IsError == true)
        {
            foreach (var text in result.Content.OfType<TextContentBlock>())
            {
                await error.WriteLineAsync(text.Text).ConfigureAwait(false);
            }

            return 1;
        }

        return 0;
    }

    /// <summary>Prints what <paramref name="name"/> takes; an unknown name gets the nearest names (exit code 2).</summary>
    public static int Describe(ToolSet set, string name, TextWriter output, TextWriter error)
    {
        // A tool of the surface, or an operation it reaches through the catalog tools, described as its own tool would be.
        var tool = set.ByName.GetValueOrDefault(name)?.ProtocolTool
            ?? (set.Operations.FirstOrDefault(o => o.Name == name) is { } operation ? new OperationTool(operation, set).ProtocolTool : null);
        if (tool is null)
        {
            var nearest = ToolDescription.Nearest(set, name);
            error.WriteLine(nearest.Count == 0
                ? $"refold-mcp: no tool or operation named '{name}'; 'refold-mcp tools' lists them."
                : $"refold-mcp: no tool or operation named '{name}'; did you mean {string.Join(", ", nearest)}?");
            return 2;
        }

        ToolDescription.Write(tool, output, PagingArguments.Of(set.Operations.FirstOrDefault(o => o.Name == name)));
        return 0;
    }

    /// <summary>
    /// Runs <c>tools</c>, <c>describe</c> or <c>call</c> with the environment's credential (or the emulator's demo org). Without one
    /// (<paramref name="missingCredential"/> says what to set) <c>tools</c> lists what an org API key gets after saying
    /// so, and <c>call</c> of anything a credential is needed for prints the advice.
    /// </summary>
    /// <remarks>On a terminal (<paramref name="terminal"/>) lists print as tables unless <c>--json</c>; piped, as JSON. A call that
    /// must be confirmed is asked on <paramref name="terminalInput"/> (null: not a terminal) unless <c>--yes</c>.</remarks>
    public static async Task<int> RunAsync(ServerOptions options, Upstream upstream, RefoldCredential? credential, string? missingCredential,
        TextWriter output, TextWriter error, bool terminal, CancellationToken cancellationToken, TextReader? terminalInput = null)
    {
        var toolSets = new ToolSets(options.Surface);
        var json = options.Json || !terminal;
        if (options.Command is Command.Tools or Command.Describe)
        {
            var set = toolSets.For(missingCredential is null ? CredentialShapes.Of(credential) : CredentialShape.OrgKey);
            if (options.Command == Command.Describe)
            {
                return Describe(set, options.CallTool!, output, error);
            }

            if (missingCredential is not null)
            {
                await error.WriteLineAsync($"refold-mcp: {missingCredential} Listed: the tools an org API key gets.").ConfigureAwait(false);
            }

            return Tools(set, json, output);
        }

        if (missingCredential is not null && !Reaches(toolSets.For(credential), options.CallTool!)
            && Enum.GetValues<CredentialShape>().Any(shape => Reaches(toolSets.For(shape), options.CallTool!)))
        {
            await error.WriteLineAsync($"refold-mcp: {options.CallTool} needs a Refold credential. {missingCredential}").ConfigureAwait(false);
            return 2;
        }

        var services = new ServiceCollection();
        services.AddLogging(l => ServerLogging.Configure(l, options.LogLevel));
        services.AddRefoldMcpCore(options, upstream, toolSets);
        await using var provider = services.BuildServiceProvider();
        var session = RefoldSession.Create(provider.GetRequiredService<RefoldClientFactory>(), toolSets, provider.GetRequiredService<ILoggerFactory>(), credential);
        return await CallAsync(session, options.CallTool!, options.CallArguments, output, error, cancellationToken, provider.GetService<AuditLog>(), table: !json,
            CallConfirmation.For(options.Confirmed, terminalInput, error)).ConfigureAwait(false);
    }

    private static Func<string, ValueTask> Progress(TextWriter error) => async message =>
    {
        await error.WriteLineAsync($"progress: {message}").ConfigureAwait(false);
        await error.FlushAsync().ConfigureAwait(false);
    };

    /// <summary>Whether <paramref name="name"/> is a tool of <paramref name="set"/> or an operation it reaches.</summary>
    public static bool Reaches(ToolSet set, string name) => set.ByName.ContainsKey(name) || set.Operations.Any(o => o.Name == name);
}
