using ModelContextProtocol.Protocol;
using Refold.Api.Catalog;
using Refold.Mcp.Server.Tools;

namespace Refold.Mcp.Server.Jobs;

/// <summary>The <c>timeout_s</c> argument of the tools that follow a run: how long this call waits, bounded by the operator's maximum.</summary>
public static class WaitArgument
{
    public static Parameter Parameter { get; } = Param.Body("timeout_s",
        $"Most seconds to wait (default {Surface.DefaultWaitSeconds}); the run goes on.",
        ParameterType.Integer);

    /// <summary>Null and the wait, or the error result for an out-of-range value.</summary>
    public static CallToolResult? Read(ToolCall call, string tool, int max, out TimeSpan wait)
    {
        var seconds = Math.Min(Surface.DefaultWaitSeconds, max);
        var error = CatalogArguments.TryInteger(tool, call.Arguments, Parameter.Name, 0, max, ref seconds, out var invalid) ? null : invalid;
        wait = TimeSpan.FromSeconds(seconds);
        return error;
    }
}
