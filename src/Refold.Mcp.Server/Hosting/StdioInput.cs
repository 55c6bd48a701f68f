using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace Refold.Mcp.Server.Hosting;

/// <summary>
/// The stdio server's input as the MCP transport sees it: JSON-RPC messages (one per line) pass through; a line that is
/// not one (someone typing at the server) is dropped with one line on stderr saying what this program is and how to use
/// it, instead of the transport's parse-failure stack trace. The line itself is not echoed (it may hold a secret).
/// </summary>
public static class StdioInput
{
    public const string NotAMessage =
        "refold-mcp: ignored a line that is not an MCP message. This is an MCP server speaking JSON-RPC over stdin/stdout, "
        + "for an MCP client to launch (see examples/); at a terminal use 'refold-mcp tools' or 'refold-mcp call TOOL', and 'refold-mcp --help' for more.";

    /// <summary>A stream of the JSON-RPC lines of <paramref name="input"/>; the advice for any other line goes to <paramref name="error"/>.</summary>
    public static Stream Messages(Stream input, TextWriter error)
    {
        var pipe = new Pipe();
        _ = Task.Run(() => PumpAsync(input, pipe.Writer, error));
        return pipe.Reader.AsStream();
    }

    private static async Task PumpAsync(Stream input, PipeWriter output, TextWriter error)
    {
        try
        {
            using var reader = new StreamReader(input, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (!IsMessage(line))
                {
                    await error.WriteLineAsync(NotAMessage).ConfigureAwait(false);
                    continue;
                }

                if ((await output.WriteAsync(Encoding.UTF8.GetBytes(line + "\n")).ConfigureAwait(false)).IsCompleted)
                {
                    break;
                }
            }

            await output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The input closed under us, or the transport stopped reading: either way the session is over.
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static bool IsMessage(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => document.RootElement.TryGetProperty("jsonrpc", out _),
                JsonValueKind.Array => true,
                _ => false,
            };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
